package dev.copbot.core.expertise;

import dev.copbot.core.discussion.Discussions;
import dev.copbot.core.discussion.Permalinks;
import dev.copbot.core.discussion.SearchEngine;
import dev.copbot.core.discussion.SearchRequest;
import dev.copbot.core.discussion.StoredMessage;
import dev.copbot.core.kudos.KudosStore;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import java.time.Duration;
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
 * Ranks people for a topic by what they have shown they know. The threads that match the topic (only those the
 * asker may read) are the evidence: each answer counts by how well its thread matches, how strongly the asker
 * acknowledged it (accepted, thanked, or just answered) and how recent it is (half-life three years); a declared
 * skill on the topic adds a little, and each person's overall record in the workspace is the prior. The asker is never listed, nor anyone who opted out; people who are away are listed lower, labelled.
 */
public final class ExpertFinder {
    /** How the evidence is weighed; defaults chosen on the Stack Exchange folds in docs/BENCHMARKS.md. */
    public record Weights(int threads, double accepted, double thanked, double answered, Duration halfLife,
                          double skill, double awayFactor, double prior, double relevancePower) {
        public static Weights defaults() {
            return new Weights(50, 4, 2, 1, Duration.ofDays(1095), 0.5, 0.5, 3, 2);
        }
    }

    public record Proof(String permalink, ChannelId channel, String thread, boolean accepted, double weight) {}

    public record Expert(UserId user, double score, int accepted, int thanked, int answered, int kudos, Optional<Instant> latest,
                         List<String> skills, List<Proof> evidence, boolean away, Optional<Instant> awayUntil) {}

    private final Discussions discussions;
    private final SkillStore skills;
    private final ExpertPreferences preferences;
    private final Permalinks permalinks;
    private final Weights weights;
    private final Popularity popularity;
    private final KudosStore kudos;

    public ExpertFinder(Discussions discussions, SkillStore skills, ExpertPreferences preferences, Permalinks permalinks,
                        KudosStore kudos, Weights weights) {
        this.kudos = kudos;
        this.discussions = discussions;
        this.skills = skills;
        this.preferences = preferences;
        this.permalinks = permalinks;
        this.weights = weights;
        this.popularity = new Popularity(discussions.store(), discussions.clock());
    }

    private static final class Tally {
        double score;
        int accepted;
        int thanked;
        int answered;
        int kudos;
        Instant latest;
        final List<Proof> proofs = new ArrayList<>();
        final List<String> skills = new ArrayList<>();
    }

    /** The best {@code limit} people for the topic, best first, as seen by {@code asker}. */
    public List<Expert> find(UserId asker, String topic, List<ChannelId> channels, Instant now, int limit) {
        SearchRequest request = SearchRequest.parse(topic).withFilters(channels, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        SearchEngine.Results threads = discussions.search(asker, request, 0, weights.threads());
        Map<UserId, Tally> people = new HashMap<>();
        double top = threads.results().isEmpty() ? 1 : threads.results().get(0).hit().score();
        for (SearchEngine.Result r : threads.results()) {
            // The thread's share of the best match, squared: the best-matching threads count most (chosen on the folds).
            double relevance = Math.pow(r.hit().score() / top, weights.relevancePower());
            List<StoredMessage> messages = discussions.store().thread(r.hit().key());
            Map<UserId, Integer> thanked = kudos.onThread(r.hit().key());
            for (Evidence.Answer found : Evidence.of(messages)) {
                // Kudos on the thread to someone who answered there is thanks for that answer.
                Evidence.Answer a = thanked.containsKey(found.person()) && found.strength() == Evidence.Strength.ANSWERED
                        ? new Evidence.Answer(found.person(), found.message(), found.at(), Evidence.Strength.THANKED) : found;
                double strength = switch (a.strength()) {
                    case ACCEPTED -> weights.accepted();
                    case THANKED -> weights.thanked();
                    case ANSWERED -> weights.answered();
                };
                double age = Math.max(0, Duration.between(a.at(), now).toDays());
                double w = relevance * strength * Math.pow(0.5, age / weights.halfLife().toDays());
                Tally t = people.computeIfAbsent(a.person(), p -> new Tally());
                t.score += w;
                t.kudos += thanked.getOrDefault(a.person(), 0);
                switch (a.strength()) {
                    case ACCEPTED -> t.accepted++;
                    case THANKED -> t.thanked++;
                    case ANSWERED -> t.answered++;
                }
                if (t.latest == null || a.at().isAfter(t.latest)) {
                    t.latest = a.at();
                }
                t.proofs.add(new Proof(permalinks.of(a.message()), a.message().channel(), r.hit().key().root(),
                        a.strength() == Evidence.Strength.ACCEPTED, w));
            }
        }
        addDeclaredSkills(asker, topic, people);
        addPrior(asker, people);
        List<Expert> out = new ArrayList<>();
        for (var e : people.entrySet()) {
            UserId person = e.getKey();
            if (person.equals(asker) || !person.sameScope(asker)) {
                continue;
            }
            ExpertPreferences.Preference pref = preferences.of(person);
            if (pref.optedOut()) {
                continue;
            }
            Tally t = e.getValue();
            boolean away = pref.awayAt(now);
            t.proofs.sort(Comparator.comparingDouble(Proof::weight).reversed());
            out.add(new Expert(person, t.score * (away ? weights.awayFactor() : 1), t.accepted, t.thanked, t.answered, t.kudos,
                    Optional.ofNullable(t.latest), List.copyOf(t.skills), List.copyOf(t.proofs.subList(0,
                    Math.min(3, t.proofs.size()))), away, away ? pref.awayUntil() : Optional.empty()));
        }
        out.sort(Comparator.comparingDouble(Expert::score).reversed().thenComparing(x -> x.user().toString()));
        return out.subList(0, Math.min(limit, out.size()));
    }

    /**
     * Everyone's overall record in the workspace (accepted answers count double), scaled to 0..1 by the best one: the
     * prior of P(expert | topic) ∝ P(topic | expert) · P(expert). On a small site a few people answer most questions,
     * and topical evidence alone throws that away.
     */
    private void addPrior(UserId asker, Map<UserId, Tally> people) {
        if (weights.prior() <= 0) {
            return;
        }
        Map<UserId, Double> record = popularity.records(asker, c -> discussions.access().mayRead(asker, c));
        double best = record.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (best <= 0) {
            return;
        }
        // Only people with evidence on this topic: the prior ranks them, it does not make anyone an expert on it.
        people.forEach((person, tally) -> tally.score += weights.prior() * record.getOrDefault(person, 0.0) / best);
    }

    /** People of the asker's workspace whose declared skills match words of the topic. */
    private void addDeclaredSkills(UserId asker, String topic, Map<UserId, Tally> people) {
        Set<String> topicWords = new HashSet<>(discussions.engine().analyse(topic));
        if (topicWords.isEmpty()) {
            return;
        }
        for (SkillStore.Declared d : skills.inScope(asker)) {
            List<String> skillWords = discussions.engine().analyse(d.skill());
            if (!skillWords.isEmpty() && topicWords.containsAll(skillWords)) {
                Tally t = people.computeIfAbsent(d.user(), p -> new Tally());
                t.score += weights.skill();
                t.skills.add(d.skill());
            }
        }
    }
}
