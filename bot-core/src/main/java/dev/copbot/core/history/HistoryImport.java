package dev.copbot.core.history;

import dev.copbot.core.command.Suggestions;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.discussion.Discussions;
import dev.copbot.core.discussion.MessageStore;
import dev.copbot.core.history.ExportReader.BadFile;
import dev.copbot.core.history.ExportReader.ChannelPlan;
import dev.copbot.core.history.ExportReader.Scan;
import dev.copbot.core.history.ImportProgress.FileState;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an export through the same path live messages take ({@link Discussions#ingest}), so the search rules hold
 * for imported history: channels are enabled for indexing, membership and display names are recorded, threads are
 * indexed. Every batch (messages, edits, reactions, membership, people and the files' progress) is one store
 * transaction: killed at any moment, the same command again ends with the same data, and it only re-reads what is
 * not stored yet; the search index replays the store's change log from where it stopped, it is not rebuilt. Files are checked whole before anything of them is written; a bad one is reported and skipped.
 * <p>
 * Two imports of the same export at once (two machines, a retried job) both finish, with no lock to take or leave
 * behind: stored keys and {@code ON CONFLICT DO NOTHING} make the batch that commits second find its rows stored, so
 * each message is written, logged and counted by one of them ({@code ConcurrentImportScenarios}).
 */
public final class HistoryImport {
    private static final Logger log = LoggerFactory.getLogger(HistoryImport.class);
    /** Messages per transaction: large enough to amortise a commit and index whole threads from memory. */
    public static final int BATCH = 2_000;

    private final Discussions discussions;
    private final UserDirectory users;
    private final CommunityStore communities;
    private final Clock clock;
    private final ImportProgress progress;
    private final int batchSize;

    public HistoryImport(Discussions discussions, UserDirectory users, CommunityStore communities, Clock clock) {
        this(discussions, users, communities, clock, BATCH);
    }

    /** With another batch size: tests use tiny batches to stop an import between two of them. */
    HistoryImport(Discussions discussions, UserDirectory users, CommunityStore communities, Clock clock, int batchSize) {
        this.batchSize = batchSize;
        this.discussions = discussions;
        this.users = users;
        this.communities = communities;
        this.clock = clock;
        this.progress = new ImportProgress(discussions.store().database());
    }

    private record Work(ChannelPlan plan, List<FileWork> files) {}

    private record FileWork(String file, Scan scan, long from) {}

    public ImportSummary run(ExportReader reader, Optional<String> community, ImportListener listener) {
        long started = System.nanoTime();
        Tally tally = new Tally(listener);
        community.ifPresent(this::requireCommunity);
        MessageStore store = discussions.store();
        Set<UserId> known = new HashSet<>();
        store.database().transaction(() -> reader.people().forEach(a -> {
            users.seen(a, clock.instant());
            known.add(a.id());
        }));
        tally.users = known.size();

        List<Work> work = new ArrayList<>();
        int files = 0;
        long entries = 0;
        for (ChannelPlan plan : reader.channels()) {
            List<FileWork> todo = new ArrayList<>();
            for (String file : plan.files()) {
                try {
                    Scan scan = reader.scan(file);
                    Optional<FileState> before = progress.file(reader.source(), file)
                            .filter(s -> s.fingerprint().equals(scan.fingerprint()));
                    if (before.isPresent() && before.get().done()) {
                        tally.filesUnchanged++;
                        continue;
                    }
                    long from = before.map(FileState::position).orElse(0L);
                    todo.add(new FileWork(file, scan, from));
                    files++;
                    entries += scan.entries() - from;
                } catch (BadFile | IOException e) {
                    tally.filesFailed++;
                    tally.problem(reader.describe(file) + ": " + e.getMessage() + "; this file is skipped, the rest goes on.");
                }
            }
            work.add(new Work(plan, todo));
        }
        listener.planned(files, entries);
        for (Work w : work) {
            importChannel(reader, w, community, known, tally);
        }
        discussions.flush();
        if (tally.threads + tally.replies > 0) {
            discussions.compactIndex();
        }
        tally.channels = work.size();
        ImportSummary summary = tally.summary(reader.source(), (System.nanoTime() - started) / 1e9);
        log.info("import of {}: {} messages, {} skipped", reader.source(), summary.messages(), summary.skippedTotal());
        return summary;
    }

    private void importChannel(ExportReader reader, Work work, Optional<String> community,
                               Set<UserId> known, Tally tally) {
        ChannelPlan plan = work.plan();
        MessageStore store = discussions.store();
        store.database().transaction(() -> {
            store.channels().upsert(plan.channel(), clock.instant());
            store.channels().setIndexed(plan.channel().id(), true);
            community.ifPresent(name -> communities.addChannel(name, plan.channel(), clock.instant()));
        });
        Batch batch = new Batch(reader.source(), plan, known, tally);
        for (FileWork f : work.files()) {
            batch.startFile(f.file(), f.scan().fingerprint(), f.from());
            try {
                reader.read(f.file(), plan, f.from(), batch);
            } catch (BadFile | IOException e) {
                throw new ImportException(reader.describe(f.file()) + " changed or became unreadable during the import ("
                        + e.getMessage() + "). What was stored before is kept; run the same command again to go on.");
            }
            batch.endFile();
            tally.filesDone++;
        }
        plan.members().ifPresent(batch::listed);
        batch.commit();
        community.ifPresent(name -> store.database().transaction(() ->
                communities.joinChannelMembers(name, plan.channel().id(), clock.instant())));
    }

    private void requireCommunity(String name) {
        if (communities.find(name).isEmpty()) {
            throw new ImportException("there is no community named '" + name + "' for --community."
                    + Suggestions.didYouMean(name, communities.names())
                    + " Create it first (copbot console, then community create " + name + "), or leave --community out.");
        }
    }

    /** Collects entries until a batch is full, then writes them in one transaction. */
    private final class Batch implements ExportReader.Sink {
        private final String source;
        private final ChannelPlan plan;
        private final Set<UserId> known;
        private final Tally tally;
        private final List<Inbound.MessagePosted> posts = new ArrayList<>();
        private final List<Inbound.MessageEdited> edits = new ArrayList<>();
        private final List<Inbound.ReactionAdded> reactions = new ArrayList<>();
        private final List<Map.Entry<UserId, Boolean>> members = new ArrayList<>();
        private final List<Actor> people = new ArrayList<>();
        private final Map<String, FileState> files = new LinkedHashMap<>();
        private String file;
        private String fingerprint;
        private long position;

        Batch(String source, ChannelPlan plan, Set<UserId> known, Tally tally) {
            this.source = source;
            this.plan = plan;
            this.known = known;
            this.tally = tally;
        }

        void startFile(String name, String print, long from) {
            file = name;
            fingerprint = print;
            position = from;
        }

        void endFile() {
            files.put(file, new FileState(fingerprint, position, true));
        }

        private void entry() {
            position++;
            tally.entries++;
            if (posts.size() >= batchSize) {
                files.put(file, new FileState(fingerprint, position, false));
                commit();
            }
        }

        @Override
        public void post(ExportReader.Post post) {
            var m = post.message();
            posts.add(new Inbound.MessagePosted(m, plan.channel()));
            post.editedAt().ifPresent(at -> edits.add(new Inbound.MessageEdited(m.id(), m.text(), at)));
            post.reactions().forEach(r -> reactions.add(new Inbound.ReactionAdded(r, m.postedAt())));
            entry();
        }

        @Override
        public void skip(String reason) {
            tally.skipped.merge(reason, 1L, Long::sum);
            entry();
        }

        @Override
        public void member(UserId user, boolean joined) {
            // When the export lists the members, that list (added at the end) says who is in; leaves still count.
            if (!(joined && plan.members().isPresent())) {
                members.add(Map.entry(user, joined));
            }
        }

        /** The members the export lists, added after the channel's messages: who is in at export time. */
        void listed(Set<UserId> users) {
            users.forEach(u -> members.add(Map.entry(u, true)));
        }

        @Override
        public void person(Actor actor) {
            if (known.add(actor.id())) {
                people.add(actor);
                tally.users++;
            }
        }

        @Override
        public void warn(String kind) {
            tally.warnings.merge(kind, 1L, Long::sum);
        }

        @Override
        public void notice(String text) {
            tally.problem(text);
        }

        void commit() {
            MessageStore store = discussions.store();
            var done = discussions.ingest(posts, edits, reactions, () -> {
                members.forEach(e -> {
                    if (e.getValue()) {
                        store.members().joined(plan.channel().id(), e.getKey());
                    } else {
                        store.members().left(plan.channel().id(), e.getKey());
                    }
                });
                people.forEach(a -> users.seen(a, clock.instant()));
                files.forEach((f, s) -> progress.record(source, f, s, clock.instant()));
            });
            Set<MessageId> fresh = new HashSet<>();
            for (var m : done.inserted()) {
                fresh.add(m.id());
                if (m.threadParent().isPresent()) {
                    tally.replies++;
                } else {
                    tally.threads++;
                }
            }
            tally.alreadyStored += done.kept() - done.inserted().size();
            tally.edits += done.edited().stream().filter(id -> !fresh.contains(id)).count();
            tally.reactions += done.reacted().size();
            posts.clear();
            edits.clear();
            reactions.clear();
            members.clear();
            people.clear();
            files.clear();
            tally.listener.progressed(tally.filesDone, tally.entries, tally.threads + tally.replies);
        }
    }

    /** Running counts for the summary. */
    private static final class Tally {
        final ImportListener listener;
        int channels, users, filesDone, filesUnchanged, filesFailed;
        long entries, threads, replies, alreadyStored, edits, reactions;
        final Map<String, Long> skipped = new LinkedHashMap<>();
        final Map<String, Long> warnings = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();

        Tally(ImportListener listener) {
            this.listener = listener;
        }

        void problem(String line) {
            problems.add(line);
            listener.problem(line);
        }

        ImportSummary summary(String source, double seconds) {
            return new ImportSummary(source, channels, users, threads, replies, alreadyStored, edits, reactions, filesDone,
                    filesUnchanged, filesFailed, Map.copyOf(skipped), Map.copyOf(warnings), List.copyOf(problems), seconds);
        }
    }
}
