package dev.copbot.core.expertise;

import dev.copbot.core.testing.OnEachStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Reaction;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.StoreKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.HashMap;
import java.time.ZoneOffset;

/** /cop experts ranks people by evidence, says why, and respects opt-out, away, the asker and private channels. */
abstract class ExpertScenarios extends OnEachStore {
    static final Channel KAFKA = new Channel(ChannelId.parse("slack:T1:C100"), "kafka", Visibility.PUBLIC);
    static final Channel LEADS = new Channel(ChannelId.parse("slack:T1:G200"), "kafka-leads", Visibility.PRIVATE);
    static final Instant NOW = BotDriver.CLOCK.instant();

    BotDriver bot;

    @BeforeEach
    void start() {
        bot = new BotDriver(db);
        Actor admin = new Actor(UserId.parse("slack:T1:UADMIN"), "ada", Optional.empty(), true);
        assertThat(bot.as(admin, "community create kafka channel:<#C100|kafka>").ok()).isTrue();
        bot.indexChannel(LEADS, NOW);
        bot.bot().handle(new Inbound.MemberJoinedChannel(LEADS, user("ULEAD"), NOW));
        for (String u : List.of("UACC", "UANS", "UTHX", "UOLD", "UNEW", "UDECL", "USECRET", "UQ")) {
            bot.as(new Actor(user(u), u.substring(1).toLowerCase(), Optional.empty(), false), "help");
        }

        Instant recent = NOW.minusSeconds(86_400 * 30);
        // Threads 1, 2 and 6 are worded alike, so they match the topic equally: only the strength of each answer differs.
        thread(KAFKA, "1", "UASK1", "Kafka consumer lag grows", recent,
                reply("UACC", "Tune the poll interval.", "white_check_mark"));
        thread(KAFKA, "2", "UASK2", "Kafka consumer lag grows", recent,
                reply("UTHX", "Raise the session timeout.", null),
                reply("UASK2", "thanks, that worked!", null));
        thread(KAFKA, "6", "UASK1", "Kafka consumer lag grows", recent,
                reply("UANS", "Check the disk speed.", null));
        // Threads 3 and 4 are worded alike too: only the age of their accepted answers differs.
        thread(KAFKA, "3", "UASK3", "Kafka consumer lag alerting in seconds", NOW.minusSeconds(86_400L * 365 * 3),
                reply("UOLD", "Use the burrow lag evaluator.", "white_check_mark"));
        thread(KAFKA, "4", "UASK3", "Kafka consumer lag alerting in seconds", NOW.minusSeconds(86_400 * 7),
                reply("UNEW", "Use the burrow lag evaluator.", "white_check_mark"));
        thread(LEADS, "5", "ULEAD", "Kafka consumer lag budget for the quarter", recent,
                reply("USECRET", "Keep it under a minute for payments.", "white_check_mark"));
        assertThat(bot.as(new Actor(user("UDECL"), "decl", Optional.empty(), false), "skills add kafka").ok()).isTrue();
    }

    record R(String user, String text, String reaction) {}

    static R reply(String user, String text, String reactionFromAsker) {
        return new R(user, text, reactionFromAsker);
    }

    void thread(Channel channel, String id, String asker, String title, Instant at, R... replies) {
        bot.post(channel, id + ".0", "slack:T1:" + asker, "*" + title + "*\n" + title.toLowerCase(), null, at);
        int n = 1;
        for (R r : replies) {
            String mid = id + "." + n;
            bot.post(channel, mid, "slack:T1:" + r.user(), r.text(), id + ".0", at.plusSeconds(60L * n++));
            if (r.reaction() != null) {
                bot.bot().handle(new Inbound.ReactionAdded(new Reaction(new MessageId(channel.id(), mid),
                        user(asker), r.reaction()), at.plusSeconds(3600)));
            }
        }
    }

    static UserId user(String id) {
        return UserId.parse("slack:T1:" + id);
    }

    Reply experts(String asker, String topic) {
        return bot.as(new Actor(user(asker), asker, Optional.empty(), false), "experts " + topic);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Reply r) {
        assertThat(r.ok()).as(r.text()).isTrue();
        return (List<Map<String, Object>>) r.data().get("experts");
    }

    static List<Object> users(Reply r) {
        return list(r).stream().map(m -> m.get("user")).toList();
    }

    /** Everyone the finder ranks, not only the five a reply shows. */
    List<String> everyone(String asker, String topic) {
        return bot.bot().experts().find(user(asker), topic, List.of(), NOW, 20).stream().map(e -> e.user().id()).toList();
    }

    @Test
    void rankingFollowsTheEvidence() {
        // on equally matching threads: accepted > thanked > answered > only declared
        List<String> all = everyone("UQ", "kafka consumer lag grows");
        assertThat(all).containsSubsequence("UACC", "UTHX", "UANS", "UDECL");
        assertThat(all).doesNotContain("USECRET", "UQ", "UASK1", "UASK2");

        Reply r = experts("UQ", "kafka consumer lag");
        List<Object> ranked = users(r);
        assertThat(ranked).hasSize(ExpertCommands.SHOWN);
        assertThat(ranked.subList(0, 2)).containsExactlyInAnyOrder("UNEW", "UACC");
        Map<String, Object> first = list(r).get(0);
        assertThat(first).containsKeys("user", "identity", "name", "score", "reason", "evidence");
        @SuppressWarnings("unchecked")
        Map<String, Object> proof = ((List<Map<String, Object>>) first.get("evidence")).get(0);
        assertThat(proof).containsEntry("channel", "C100").containsEntry("accepted", true).containsKeys("permalink", "thread");
        assertThat((String) proof.get("permalink")).startsWith("https://slack.com/archives/C100/p");
    }

    @Test
    void aTopicFavoursTheSpecialistAQuestionTheRegular() {
        // URegular answers everything but Avro; USpecial answered only the two Avro threads, both accepted.
        String[] subjects = {"terraform state lock", "helm chart values", "grafana alert routing", "jenkins agent disk",
                "nginx upstream timeout", "vault token renewal", "postgres vacuum stalls", "redis eviction policy"};
        for (int i = 0; i < subjects.length; i++) {
            thread(KAFKA, "7" + i, "UASK" + i, subjects[i] + " question", NOW.minusSeconds(86_400L * (10 + i)),
                    reply("UREGULAR", "Here is how we do " + subjects[i] + ".", i % 2 == 0 ? "white_check_mark" : null));
        }
        thread(KAFKA, "81", "UASK1", "Avro schema evolution breaks consumers", NOW.minusSeconds(86_400L * 20),
                reply("USPECIAL", "Add the field with a default.", "white_check_mark"));
        thread(KAFKA, "82", "UASK2", "Avro schema evolution and field renames", NOW.minusSeconds(86_400L * 40),
                reply("USPECIAL", "Use aliases for the old name.", "white_check_mark"));

        // A topic asks who knows the field: the specialist's evidence outweighs the regular's record.
        assertThat(everyone("UQ", "avro schema evolution")).containsSubsequence("USPECIAL", "UREGULAR");
        // A question asks who will answer it now: there the record of the regular answerer weighs more.
        assertThat(everyone("UQ", "how do we handle avro schema evolution?")).containsSubsequence("UREGULAR", "USPECIAL");
    }

    @Test
    void topicsAreAFewWordsAndNotAQuestion() {
        assertThat(QuestionWords.isTopic("avro schema evolution", 3)).isTrue();
        assertThat(QuestionWords.isTopic("Kafka", 1)).isTrue();
        assertThat(QuestionWords.isTopic("avro schema evolution rules", 4)).isFalse();
        assertThat(QuestionWords.isTopic("avro schema evolution?", 3)).isFalse();
        assertThat(QuestionWords.isTopic("how avro evolves", 2)).isFalse();
        assertThat(QuestionWords.isTopic("anyone avro", 1)).isFalse();
    }

    @Test
    void reasonsSayWhy() {
        Map<String, String> reasons = new HashMap<>();
        for (ExpertFinder.Expert e : bot.bot().experts().find(user("UQ"), "kafka consumer lag", List.of(), NOW, 20)) {
            reasons.put(e.user().id(), ExpertCommands.reason(e, NOW, ZoneOffset.UTC));
        }
        assertThat(reasons.get("UNEW")).isEqualTo("1 accepted answer on matching threads, latest 6 days ago");
        assertThat(reasons.get("UTHX")).isEqualTo("1 thanked answer on matching threads, latest 29 days ago");
        assertThat(reasons.get("UANS")).isEqualTo("1 other answer on matching threads, latest 29 days ago");
        assertThat(reasons.get("UDECL")).isEqualTo("ranked by a declared skill only: kafka");
    }

    @Test
    void recencyDecaysOldEvidence() {
        List<Object> ranked = users(experts("UQ", "kafka consumer lag alerting seconds"));
        assertThat(ranked.indexOf("UNEW")).isLessThan(ranked.indexOf("UOLD"));
    }

    @Test
    void theAskerIsNeverListed() {
        assertThat(users(experts("UACC", "kafka consumer lag"))).doesNotContain("UACC").contains("UNEW");
    }

    @Test
    void optOutRemovesAndOptInRestores() {
        Actor acc = new Actor(user("UACC"), "acc", Optional.empty(), false);
        assertThat(bot.as(acc, "expert optout").ok()).isTrue();
        assertThat(users(experts("UQ", "kafka consumer lag"))).doesNotContain("UACC");
        assertThat(bot.as(acc, "expert optin").ok()).isTrue();
        assertThat(users(experts("UQ", "kafka consumer lag"))).contains("UACC");
    }

    @Test
    void awayPeopleAreListedLowerAndLabelled() {
        Actor fresh = new Actor(user("UNEW"), "new", Optional.empty(), false);
        assertThat(bot.as(fresh, "away until:2026-12-24").text()).contains("until the end of 2026-12-24");
        Reply r = experts("UQ", "kafka consumer lag");
        Map<String, Object> entry = list(r).stream().filter(m -> m.get("user").equals("UNEW")).findFirst().orElseThrow();
        assertThat(entry).containsEntry("away", true);
        assertThat((String) entry.get("reason")).endsWith("away until 2026-12-24");
        assertThat(users(r).get(0)).isEqualTo("UACC");
        assertThat(bot.as(fresh, "away off").ok()).isTrue();
        assertThat(list(experts("UQ", "kafka consumer lag")).stream().filter(m -> m.get("user").equals("UNEW"))
                .findFirst().orElseThrow()).containsEntry("away", false);
        assertThat(bot.as(fresh, "away until:2020-01-01").text()).contains("already past");
        assertThat(bot.as(fresh, "away until:someday").text()).contains("not a date");
        assertThat(bot.as(fresh, "away of").text()).contains("Did you mean 'off'?");
    }

    @Test
    void privateEvidenceOnlyForThoseWhoCanReadIt() {
        assertThat(users(experts("ULEAD", "kafka consumer lag budget"))).contains("USECRET");
        assertThat(users(experts("UQ", "kafka consumer lag budget"))).doesNotContain("USECRET");
        bot.bot().handle(new Inbound.MemberLeftChannel(LEADS, user("ULEAD"), NOW));
        assertThat(users(experts("ULEAD", "kafka consumer lag budget"))).doesNotContain("USECRET");
    }

    @Test
    void nothingKnownIsSaidPlainly() {
        Reply r = experts("UQ", "zeppelin airships");
        assertThat(r.ok()).isTrue();
        assertThat(r.text()).contains("Nobody has answered threads about 'zeppelin airships'", "/cop ask");
        assertThat(experts("UQ", "kafka community:nope").text()).contains("no community named 'nope'");
    }

    @Test
    void nothingAfterNowCounts() {
        // A later thread, and a later reply in an older thread: neither is evidence as of now.
        thread(KAFKA, "7", "UASK1", "Zookeeper quorum loss", NOW.plusSeconds(86_400), reply("UFUT", "Add a node.", "white_check_mark"));
        thread(KAFKA, "8", "UASK1", "Zookeeper quorum loss again", NOW.minusSeconds(86_400), reply("UANS", "Check the disks.", null));
        bot.post(KAFKA, "8.9", "slack:T1:ULATE", "Restart the leader.", "8.0", NOW.plusSeconds(3_600));
        assertThat(everyone("UQ", "zookeeper quorum loss")).contains("UANS").doesNotContain("UFUT", "ULATE");
        assertThat(bot.bot().experts().find(user("UQ"), "zookeeper quorum loss", List.of(), NOW.plusSeconds(2 * 86_400), 20)
                .stream().map(e -> e.user().id()).toList()).contains("UFUT", "ULATE");
    }

    @Test
    void theAskersOwnAcceptedSolutionCounts() {
        thread(KAFKA, "9", "USELF", "Schema registry compatibility", NOW.minusSeconds(86_400),
                reply("USELF", "Found it: set compatibility to BACKWARD.", "white_check_mark"),
                reply("UANS", "Glad it works.", null));
        thread(KAFKA, "10", "UOWN", "Schema registry subject naming", NOW.minusSeconds(86_400),
                reply("UOWN", "Anyone?", null));
        List<String> all = everyone("UQ", "schema registry");
        assertThat(all).contains("USELF").doesNotContain("UOWN");
    }

    @Test
    void answersShowTheThreadsThatEarnedTheRank() {
        Reply r = bot.as(new Actor(user("UQ"), "q", Optional.empty(), false), "experts kafka consumer lag grows top:3");
        assertThat(list(r)).hasSize(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> proof = ((List<Map<String, Object>>) list(r).get(0).get("evidence")).get(0);
        assertThat(proof).containsEntry("title", "Kafka consumer lag grows").containsEntry("label", "accepted answer");
        assertThat(r.data()).containsEntry("evidence", true);
        assertThat(list(r)).allSatisfy(m -> assertThat((String) m.get("reason")).doesNotContain("0 of your"));
        assertThat(bot.as(new Actor(user("UQ"), "q", Optional.empty(), false), "experts kafka top:99").text())
                .contains("top: takes a number from 1 to 20");
    }

    @Test
    void aTopicWithoutThreadsNamesWhoDeclaredIt() {
        assertThat(bot.as(new Actor(user("UDECL"), "decl", Optional.empty(), false), "skills add terraform").ok()).isTrue();
        Reply r = experts("UQ", "terraform");
        assertThat(r.text()).contains("No thread you can read matches 'terraform'", "/cop ask terraform");
        assertThat(users(r)).containsExactly("UDECL");
        assertThat((String) list(r).get(0).get("reason")).isEqualTo("ranked by a declared skill only: terraform");
        assertThat(r.data()).containsEntry("evidence", false);
    }

    @Test
    void theLedgerCountsWhatReadingEveryReplyCounts() {
        AnswerLedger ledger = new AnswerLedger(db);
        for (String asker : List.of("UQ", "ULEAD")) {
            // NOW is after every reply (the kept sums); ten days earlier is before thread 4's (the store read as of then)
            for (Instant now : List.of(NOW, NOW.minusSeconds(86_400 * 10))) {
                assertSamePrior(ledger, asker, now);
            }
        }
        Prior leadSees = ledger.prior("slack:T1:", c -> bot.bot().discussions().access().mayRead(user("ULEAD"), c), NOW);
        assertThat(leadSees.record()).containsKey(user("USECRET"));
        assertThat(ledger.prior("slack:T1:", c -> bot.bot().discussions().access().mayRead(user("UQ"), c), NOW).record())
                .doesNotContainKey(user("USECRET"));

        // A new accepted answer, a reaction taken back, a deleted reply: each thread is read again from the change log.
        thread(KAFKA, "11", "UASK4", "Kafka rebalance storms", NOW.minusSeconds(3600),
                reply("UANS", "Use static membership.", "white_check_mark"));
        bot.bot().handle(new Inbound.ReactionRemoved(new Reaction(new MessageId(KAFKA.id(), "1.1"), user("UASK1"),
                "white_check_mark"), NOW.minusSeconds(60)));
        bot.bot().handle(new Inbound.MessageDeleted(new MessageId(KAFKA.id(), "6.1"), NOW.minusSeconds(30)));
        assertSamePrior(ledger, "UQ", NOW);
        assertThat(ledger.prior("slack:T1:", c -> true, NOW).countsOf(user("UACC"))).containsExactly(0, 1);
        // One channel of three (a community's): summed from that channel alone, not the total less the others.
        Channel streams = new Channel(ChannelId.parse("slack:T1:C300"), "streams", Visibility.PUBLIC);
        bot.indexChannel(streams, NOW);
        thread(streams, "12", "UASK5", "Kafka streams state stores", NOW.minusSeconds(600), reply("UNEW", "RocksDB.", null));
        assertSamePrior(ledger, c -> c.equals(KAFKA.id()), NOW);
        assertSamePrior(ledger, c -> c.equals(streams.id()), NOW);

        // A purge reads everything again.
        bot.bot().handle(new Inbound.ChannelRemoved(KAFKA.id(), NOW));
        assertSamePrior(ledger, "UQ", NOW);
        assertThat(ledger.prior("slack:T1:", c -> true, NOW).record()).containsOnlyKeys(user("USECRET"), user("UNEW"));
    }

    private void assertSamePrior(AnswerLedger ledger, String asker, Instant now) {
        assertSamePrior(ledger, c -> bot.bot().discussions().access().mayRead(user(asker), c), now);
    }

    private void assertSamePrior(AnswerLedger ledger, Predicate<ChannelId> readable, Instant now) {
        Prior kept = ledger.prior("slack:T1:", readable, now);
        Prior read = Prior.of(AnswerRecords.strongest(AnswerRecords.read(db, "slack:T1:", now), readable, false), now);
        assertThat(kept.record().keySet()).as("at %s", now).isEqualTo(read.record().keySet());
        for (UserId u : read.record().keySet()) {
            assertThat(kept.share(u)).isCloseTo(read.share(u), within(1e-9));
            assertThat(kept.recentShare(u)).isCloseTo(read.recentShare(u), within(1e-9));
            assertThat(kept.countsOf(u)).containsExactly(read.countsOf(u));
        }
    }
}
