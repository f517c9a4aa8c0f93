package dev.copbot.core.expertise;

import dev.copbot.core.discussion.Discussions;
import dev.copbot.core.discussion.Permalinks;
import dev.copbot.core.discussion.StoredMessage;
import dev.copbot.core.discussion.ThreadDocument;
import dev.copbot.core.discussion.ThreadKey;
import dev.copbot.core.kudos.KudosStore;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks people for a topic or a question, as of "now" (nothing posted later counts). T is the topical evidence
 * ({@link TopicalMatch}: the answerers of the best-matching threads the asker may read, each thread counting by its
 * share of the best match, squared, times 4 for an accepted answer, 2 for a thanked one, 1 otherwise); P and R are
 * the person's record and its recent part ({@link Prior}). Two readings of the same evidence:
 * <ul>
 * <li>a question ("how do I rotate the certificate?") asks who will answer it now, and on the replays the record
 * predicts that best: <pre>score = T / 12 + P / max P + 0.25 · R / max R</pre>
 * <li>a topic ("quantum gate": a few words, not a question) asks who knows the field. There each person's evidence is
 * shrunk towards what their share of all answering predicts, worth 0.3 of the topic's evidence:
 * <pre>score = T / (0.3 · ΣT) + P / ΣP + 0.35 · R / ΣR</pre> Both halves grow with how much the topic matched,
 * and where answering is spread over many people each record weighs less, so specialists count more there.
 * </ul>
 * Away: × 0.5. A declared skill: + half the best record. Candidates: everyone with a record or topical evidence, less
 * the asker, people who opted out and bots; ties go to the larger record, then the user id.
 */
public final class ExpertFinder {
    /** The model's constants; {@link #defaults()} are the measured ones (docs/BENCHMARKS.md, issue 16). */
    public record Weights(double topicalScale, double recency, double topicPrior, double topicRecency, double accepted,
                          double thanked, double answered, double relevancePower, double skill, double awayFactor) {
        public static Weights defaults() {
            // Questions, T / 12: twelve accepted answers on best-matching threads weigh as much as the best record
            // (C 2..12 on both dumps: 12 best on the replays). 0.25 · R: recency breaks ties of records.
            // Topics, prior 0.3 of the topical evidence, recency 0.35 of the record: the best of a sweep over 0.25–0.5
            // and 0.35–0.5 on the 90 topics of the extended sets that are not official ones (the official topics
            // kept out of the choice); every setting of it beat the question formula there.
            // 4 / 2 / 1: an accepted answer is the strongest sign, thanks the next. Relevance squared: the
            // best-matching threads count most. A declared skill is a hint, not proof: half the best record.
            // Away: half the score, still listed.
            return new Weights(12, 0.25, 0.3, 0.35, 4, 2, 1, 2, 0.5, 0.5);
        }
    }

    /** A thread that earned the rank: its title and link, and how the person's answer there was received. */
    public record Proof(String permalink, ChannelId channel, String thread, String title, boolean accepted, boolean thanked,
                        int kudos, double weight) {}

    /**
     * {@code accepted}, {@code thanked}, {@code answered}: answers on matching threads; {@code recordAccepted},
     * {@code recordAnswered}: all threads answered before now that the asker may read; {@code topical}: T.
     */
    public record Expert(UserId user, double score, int accepted, int thanked, int answered, int kudos, Optional<Instant> latest,
                         List<String> skills, List<Proof> evidence, boolean away, Optional<Instant> awayUntil,
                         double topical, int recordAccepted, int recordAnswered) {
        public boolean onlyDeclared() {
            return topical == 0 && recordAnswered == 0 && !skills.isEmpty();
        }
    }

    private final Discussions discussions;
    private final SkillStore skills;
    private final ExpertPreferences preferences;
    private final Permalinks permalinks;
    private final Weights weights;
    private final KudosStore kudos;
    private final AnswerLedger ledger;

    public ExpertFinder(Discussions discussions, SkillStore skills, ExpertPreferences preferences, Permalinks permalinks,
                        KudosStore kudos, Weights weights) {
        this.kudos = kudos;
        this.discussions = discussions;
        this.skills = skills;
        this.preferences = preferences;
        this.permalinks = permalinks;
        this.weights = weights;
        this.ledger = new AnswerLedger(discussions.store().database());
    }

    /** A proof before its title and link are looked up, which only the shown experts need. */
    private record Draft(ThreadKey thread, MessageId answer, boolean accepted, boolean thanked, int kudos, double weight) {}

    /**
     * Reads every workspace's answers into the ledger (seconds at a million messages): run once in the background
     * after a start, so the first question does not pay for it (a question asked meanwhile waits for it instead).
     */
    public void warmUp() {
        for (String workspace : discussions.store().channels().workspacePrefixes()) {
            ledger.warmUp(workspace);
        }
    }

    /** What one person showed on the matching threads. */
    private static final class Tally {
        double topical;
        int accepted;
        int thanked;
        int answered;
        int kudos;
        Instant latest;
        final List<Draft> proofs = new ArrayList<>();
        final List<String> skills = new ArrayList<>();
    }

    /** The best {@code limit} people for the topic, best first, as seen by {@code asker} at {@code now}. */
    public List<Expert> find(UserId asker, String topic, List<ChannelId> channels, Instant now, int limit) {
        Map<UserId, Tally> people = new HashMap<>();
        List<String> words = discussions.engine().analyse(topic); // once: the match, the skills and the reading
        Map<ThreadKey, List<StoredMessage>> threads = addTopical(asker, words, channels, now, people);
        addDeclaredSkills(asker, words, people);
        Set<ChannelId> within = Set.copyOf(channels);
        Prior prior = ledger.prior(asker.idPrefix(),
                c -> (within.isEmpty() || within.contains(c)) && discussions.access().mayRead(asker, c), now);
        Set<UserId> candidates = new HashSet<>(people.keySet());
        candidates.addAll(prior.record().keySet());
        Map<UserId, ExpertPreferences.Preference> prefs = preferences.inScope(asker);
        boolean topicQuery = QuestionWords.isTopic(topic, words.size());
        double evidence = people.values().stream().mapToDouble(t -> t.topical).sum();
        double perTopical = !topicQuery ? 1 / weights.topicalScale()
                : evidence > 0 ? 1 / (weights.topicPrior() * evidence) : 0;
        double skillBonus = weights.skill() * (topicQuery && prior.bestShare() > 0 ? prior.bestShare() : 1);
        // Score everyone, then dress up only the few shown: a workspace has thousands with a record.
        record Scored(UserId person, double score, double record) {}
        List<Scored> scored = new ArrayList<>();
        for (UserId person : candidates) {
            ExpertPreferences.Preference pref = prefs.getOrDefault(person, ExpertPreferences.NONE);
            if (person.equals(asker) || !person.sameScope(asker) || Evidence.isBot(person) || pref.optedOut()) {
                continue;
            }
            Tally t = people.get(person);
            double score = (t == null ? 0 : t.topical * perTopical + (t.skills.isEmpty() ? 0 : skillBonus))
                    + (topicQuery ? prior.share(person) + weights.topicRecency() * prior.recentShare(person)
                            : prior.scaledRecord(person) + weights.recency() * prior.scaledRecent(person));
            scored.add(new Scored(person, score * (pref.awayAt(now) ? weights.awayFactor() : 1), prior.p(person)));
        }
        scored.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
                : a.record() != b.record() ? Double.compare(b.record(), a.record())
                : a.person().toString().compareTo(b.person().toString()));
        List<Expert> out = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(limit, scored.size()))) {
            ExpertPreferences.Preference pref = prefs.getOrDefault(s.person(), ExpertPreferences.NONE);
            Tally t = people.getOrDefault(s.person(), new Tally());
            boolean away = pref.awayAt(now);
            t.proofs.sort(Comparator.comparingDouble(Draft::weight).reversed());
            List<Proof> proofs = t.proofs.stream().limit(3).map(d -> new Proof(permalinks.of(d.answer()),
                    d.thread().channel(), d.thread().root(), ThreadDocument.of(d.thread(), threads.get(d.thread())).title(),
                    d.accepted(), d.thanked(), d.kudos(), d.weight())).toList();
            int[] record = prior.countsOf(s.person());
            out.add(new Expert(s.person(), s.score(), t.accepted, t.thanked, t.answered, t.kudos,
                    Optional.ofNullable(t.latest), List.copyOf(t.skills), proofs, away,
                    away ? pref.awayUntil() : Optional.empty(), t.topical, record[0], record[1]));
        }
        return List.copyOf(out);
    }

    /** T: the answerers of the best-matching threads, by the thread's share of the best match and how they were received. */
    private Map<ThreadKey, List<StoredMessage>> addTopical(UserId asker, List<String> words,
                                                           List<ChannelId> channels, Instant now,
                                                           Map<UserId, Tally> people) {
        List<TopicalMatch.Hit> hits = TopicalMatch.top(discussions, asker, words, channels, now);
        if (hits.isEmpty()) {
            return Map.of();
        }
        Map<ThreadKey, List<StoredMessage>> threads = discussions.store().threads(hits.stream().map(TopicalMatch.Hit::key).toList());
        double top = hits.get(0).score();
        for (TopicalMatch.Hit hit : hits) {
            double relevance = Math.pow(hit.score() / top, weights.relevancePower());
            List<StoredMessage> messages = threads.getOrDefault(hit.key(), List.of());
            Map<UserId, Integer> thanked = kudos.onThread(hit.key());
            for (Evidence.Answer found : Evidence.of(messages, now)) {
                int kudosHere = thanked.getOrDefault(found.person(), 0);
                // Kudos on the thread to someone who answered there is thanks for that answer.
                Evidence.Strength s = kudosHere > 0 && found.strength() == Evidence.Strength.ANSWERED
                        ? Evidence.Strength.THANKED : found.strength();
                double w = relevance * switch (s) {
                    case ACCEPTED -> weights.accepted();
                    case THANKED -> weights.thanked();
                    case ANSWERED -> weights.answered();
                };
                Tally t = people.computeIfAbsent(found.person(), p -> new Tally());
                t.topical += w;
                t.kudos += kudosHere;
                switch (s) {
                    case ACCEPTED -> t.accepted++;
                    case THANKED -> t.thanked++;
                    case ANSWERED -> t.answered++;
                }
                if (t.latest == null || found.at().isAfter(t.latest)) {
                    t.latest = found.at();
                }
                t.proofs.add(new Draft(hit.key(), found.message(), s == Evidence.Strength.ACCEPTED,
                        s == Evidence.Strength.THANKED, kudosHere, w));
            }
        }
        return threads;
    }

    /** People of the asker's workspace whose declared skills match words of the topic ({@code words}, analysed). */
    private void addDeclaredSkills(UserId asker, List<String> words, Map<UserId, Tally> people) {
        Set<String> topicWords = new HashSet<>(words);
        if (topicWords.isEmpty()) {
            return;
        }
        for (SkillStore.Declared d : skills.inScope(asker)) {
            List<String> skillWords = discussions.engine().analyse(d.skill());
            if (!skillWords.isEmpty() && topicWords.containsAll(skillWords)) {
                people.computeIfAbsent(d.user(), p -> new Tally()).skills.add(d.skill());
            }
        }
    }
}
