package dev.copbot.core.expertise;

import dev.copbot.core.discussion.IndexChanges;
import dev.copbot.core.discussion.ThreadKey;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.ChangeLog;
import dev.copbot.core.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The {@link Prior} of every question, without reading every reply of the workspace for each: per workspace, the
 * counted answers of each thread and their sums per channel and person, kept in memory and brought up to date from
 * the change log (a changed thread is read again; a purge, or a long gap, reads everything again). Works across
 * replicas, since every store change is logged.
 *
 * <p>R fades every answer by the same factor as time passes, so R / max R does not depend on "now" once every answer
 * is older than now: R is summed against a fixed reference time and the factor cancels. A clock set before the
 * newest answer (a replay) reads the store as of that moment instead, the slow way, remembered per moment.
 */
final class AnswerLedger {
    /** More unapplied changes than this and reading the whole workspace again is cheaper than a query per thread. */
    static final int MAX_CHANGES = 2_000;
    /** A reply stamped this much after "now" still counts as posted: the platform's clock and ours differ a little. */
    static final Duration SKEW = Duration.ofMinutes(10);
    private static final double HALF_LIFE_MILLIS = Prior.HALF_LIFE_DAYS * 86_400_000.0;
    private static final int PRIORS_KEPT = 64;

    private final Database db;
    private final Map<String, Book> books = new ConcurrentHashMap<>();

    AnswerLedger(Database db) {
        this.db = db;
    }

    /** Reads the workspace's answers now, so that the first question after a start does not wait for it. */
    void warmUp(String idPrefix) {
        Book book = books.computeIfAbsent(idPrefix, Book::new);
        synchronized (book) {
            book.catchUp();
        }
    }

    /** The prior over the channels {@code readable} lets through, from the workspace's answers posted by {@code now}. */
    Prior prior(String idPrefix, Predicate<ChannelId> readable, Instant now) {
        Book book = books.computeIfAbsent(idPrefix, Book::new);
        synchronized (book) {
            book.catchUp();
            Set<ChannelId> open = new HashSet<>();
            book.channels.keySet().stream().filter(readable).forEach(open::add);
            boolean live = !now.plus(SKEW).isBefore(Instant.ofEpochMilli(book.latest));
            PriorKey key = new PriorKey(open, live ? Long.MAX_VALUE : now.toEpochMilli());
            Prior cached = book.priors.get(key);
            if (cached == null) {
                cached = live ? book.sum(open) : Prior.of(AnswerRecords.strongest(
                        AnswerRecords.read(db, idPrefix, now), open::contains, false), now);
                book.priors.put(key, cached);
            }
            return cached;
        }
    }

    private record PriorKey(Set<ChannelId> channels, long asOf) {}

    /** Per person in a channel: threads answered, accepted answers, P and R (against the book's reference time). */
    private static final class Sums {
        int answered;
        int accepted;
        double record;
        double recent;

        void add(boolean accepted, long at, long reference, int sign) {
            double w = accepted ? Prior.ACCEPTED : 1;
            answered += sign;
            this.accepted += accepted ? sign : 0;
            record += sign * w;
            recent += sign * w * Math.pow(2, (at - reference) / HALF_LIFE_MILLIS);
        }
    }

    /**
     * One workspace's answers, as of {@link #position} in the change log. Each thread keeps what it counted, to take it
     * back when the thread changes, packed as two longs an answer (the time; the person's number and whether accepted):
     * a million messages hold about 700 000 answers.
     */
    private final class Book {
        final String idPrefix;
        final Map<ChannelId, Map<String, long[]>> threads = new HashMap<>();
        final List<UserId> people = new ArrayList<>();
        final Map<UserId, Integer> numbers = new HashMap<>();
        final Map<ChannelId, Map<UserId, Sums>> channels = new HashMap<>();
        /** The sums over every channel: most askers may read most channels, and taking a few away is quicker. */
        final Map<UserId, Sums> total = new HashMap<>();
        final Map<PriorKey, Prior> priors = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PriorKey, Prior> eldest) {
                return size() > PRIORS_KEPT;
            }
        };
        long position = -1;
        long reference;
        long latest = Long.MIN_VALUE;

        Book(String idPrefix) {
            this.idPrefix = idPrefix;
        }

        void catchUp() {
            ChangeLog log = db.changes();
            long head = log.head();
            if (head == position) {
                return;
            }
            List<ChangeLog.Change> changes = position < 0 ? List.of() : log.after(position, MAX_CHANGES + 1);
            Set<ThreadKey> touched = new HashSet<>();
            boolean reload = position < 0 || changes.size() > MAX_CHANGES || position < log.prunedTo();
            for (ChangeLog.Change c : changes) {
                switch (c.kind()) {
                    case IndexChanges.THREAD -> {
                        if (c.target().startsWith(idPrefix)) {
                            touched.add(ThreadKey.parse(c.target()));
                        }
                    }
                    case IndexChanges.MEMBER, IndexChanges.CHANNEL -> { } // who may read is asked per question
                    default -> reload = true; // a purge, or a kind this ledger does not know
                }
            }
            if (reload) {
                readAll(head);
                return;
            }
            for (ThreadKey thread : touched) {
                put(thread, AnswerRecords.ofThread(db, thread));
            }
            position = changes.isEmpty() ? head : changes.get(changes.size() - 1).position();
            if (!touched.isEmpty()) {
                priors.clear();
            }
        }

        private void readAll(long head) {
            threads.clear();
            channels.clear();
            total.clear();
            priors.clear();
            latest = Long.MIN_VALUE;
            reference = System.currentTimeMillis();
            List<AnswerRecords.Reply> thread = new ArrayList<>();
            AnswerRecords.readEachByThread(db, idPrefix, r -> {
                if (!thread.isEmpty() && !(thread.get(0).root().equals(r.root()) && thread.get(0).channel().equals(r.channel()))) {
                    put(new ThreadKey(thread.get(0).channel(), thread.get(0).root()), thread);
                    thread.clear();
                }
                thread.add(r);
            });
            if (!thread.isEmpty()) {
                put(new ThreadKey(thread.get(0).channel(), thread.get(0).root()), thread);
            }
            position = head; // changes after the head was read are applied again next time: reading a thread is idempotent
        }

        /** Replaces what the thread counted with what its replies count now. */
        private void put(ThreadKey thread, List<AnswerRecords.Reply> replies) {
            Map<UserId, Sums> inChannel = channels.computeIfAbsent(thread.channel(), c -> new HashMap<>());
            Map<String, long[]> inThreads = threads.computeIfAbsent(thread.channel(), c -> new HashMap<>());
            long[] before = inThreads.remove(thread.root());
            if (before != null) {
                count(before, inChannel, -1);
            }
            List<AnswerRecords.Answered> now = AnswerRecords.strongest(replies, c -> true, false);
            for (AnswerRecords.Reply r : replies) {
                latest = Math.max(latest, r.at().toEpochMilli());
            }
            if (!now.isEmpty()) {
                long[] packed = new long[now.size() * 2];
                for (int i = 0; i < now.size(); i++) {
                    AnswerRecords.Answered a = now.get(i);
                    int number = numbers.computeIfAbsent(a.person(), p -> {
                        people.add(p);
                        return people.size() - 1;
                    });
                    packed[2 * i] = a.at().toEpochMilli();
                    packed[2 * i + 1] = ((long) number << 1) | (a.accepted() ? 1 : 0);
                }
                inThreads.put(thread.root(), packed);
                count(packed, inChannel, 1);
            }
            if (before != null) {
                for (int i = 1; i < before.length; i += 2) {
                    UserId person = people.get((int) (before[i] >>> 1));
                    inChannel.computeIfPresent(person, (p, s) -> s.answered == 0 ? null : s);
                    total.computeIfPresent(person, (p, s) -> s.answered == 0 ? null : s);
                }
            }
        }

        private void count(long[] packed, Map<UserId, Sums> inChannel, int sign) {
            for (int i = 0; i < packed.length; i += 2) {
                UserId person = people.get((int) (packed[i + 1] >>> 1));
                boolean accepted = (packed[i + 1] & 1) == 1;
                inChannel.computeIfAbsent(person, p -> new Sums()).add(accepted, packed[i], reference, sign);
                total.computeIfAbsent(person, p -> new Sums()).add(accepted, packed[i], reference, sign);
            }
        }

        /** The prior of the answers in {@code open}: their channels' sums, or the total less the other channels'. */
        Prior sum(Set<ChannelId> open) {
            Map<UserId, Sums> sums = new HashMap<>();
            if (open.size() * 2 < channels.size()) {
                open.forEach(c -> merge(sums, channels.getOrDefault(c, Map.of()), 1));
            } else {
                merge(sums, total, 1);
                channels.forEach((c, inChannel) -> {
                    if (!open.contains(c)) {
                        merge(sums, inChannel, -1);
                    }
                });
            }
            Map<UserId, Double> record = new HashMap<>();
            Map<UserId, Double> recent = new HashMap<>();
            Map<UserId, int[]> counts = new HashMap<>();
            sums.forEach((person, s) -> {
                if (s.answered > 0) {
                    record.put(person, s.record);
                    recent.put(person, s.recent);
                    counts.put(person, new int[] {s.accepted, s.answered});
                }
            });
            return Prior.of(record, recent, counts);
        }
    }

    private static void merge(Map<UserId, Sums> into, Map<UserId, Sums> from, int sign) {
        from.forEach((person, s) -> {
            Sums to = into.computeIfAbsent(person, p -> new Sums());
            to.answered += sign * s.answered;
            to.accepted += sign * s.accepted;
            to.record += sign * s.record;
            to.recent += sign * s.recent;
        });
    }
}
