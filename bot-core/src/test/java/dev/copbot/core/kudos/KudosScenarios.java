package dev.copbot.core.kudos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.testing.CommunityLifeFixture;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Kudos: limits, no self-kudos, the reaction, kudos as expert evidence, and the leaderboard. */
abstract class KudosScenarios extends CommunityLifeFixture {

    void threads() {
        kafka();
        post(KAFKA, "t1", "carol", "Consumer lag after deploy", null);
        post(KAFKA, "t1r", "bob", "Raise max.poll.interval.ms for consumer lag after a deploy.", "t1");
        post(KAFKA, "t2", "dave", "Broker disk full", null);
        post(KAFKA, "t2r", "erin", "Lower retention.", "t2");
        react(KAFKA, "t2r", "dave", "white_check_mark");
        at("2026-11-02T09:00:00Z"); // an hour later: windows end at the present, exclusive
        port.drain();
    }

    Reply kudosInThread(String giver, String text, String root) {
        return bot.run(new Inbound.CommandInvoked(Actor.of(UserId.console(giver), giver), KAFKA.id(),
                Optional.of(new MessageId(KAFKA.id(), root)), text, Optional.empty()));
    }

    @Test
    void kudosHaveADailyLimitAndNeverGoToOneself() {
        threads();
        Reply first = ok("carol", "kudos @bob for the lag fix");
        assertThat(first.ephemeral()).as("recognition is public").isFalse();
        assertThat(map(first, "kudos")).containsEntry("to", "console:bob").containsEntry("reason", "the lag fix")
                .containsEntry("community", "kafka").containsEntry("left", 4L);
        assertThat(dms(port.drain(), "bob")).singleElement()
                .satisfies(s -> assertThat(s.text()).contains("carol gave you kudos for the lag fix"));
        assertThat(refused("carol", "kudos @carol").text()).contains("can't give yourself");
        for (int i = 0; i < 4; i++) {
            ok("carol", "kudos @erin");
        }
        assertThat(refused("carol", "kudos @dave").text()).contains("5 kudos today, the daily limit");
        assertThat(refused("carol", "kudos").text()).contains("Usage: /cop kudos <@user> [for…]");
        at("2026-11-03T00:00:01Z");
        ok("carol", "kudos @dave");
    }

    @Test
    void theKudosReactionGivesKudosAndTakingItBackTakesThemBack() {
        threads();
        react(KAFKA, "t1r", "carol", "clap");
        react(KAFKA, "t1r", "carol", "clap"); // a retried event
        react(KAFKA, "t1r", "bob", "clap"); // one's own message
        assertThat(board("leaderboard kafka")).containsExactly("erin 1/0", "bob 0/1");
        assertThat(ok("zed", "leaderboard kafka").text()).contains("erin — 1 accepted answer, 0 kudos",
                "bob — 0 accepted answers, 1 kudo");
        unreact(KAFKA, "t1r", "carol", "clap");
        assertThat(board("leaderboard kafka")).containsExactly("erin 1/0");
    }

    @Test
    void kudosGivenInAThreadCountAsEvidenceForTheExpertRanking() {
        threads();
        // frank answered the same thread: kudos to bob must lift bob above him. (With bob alone on the topic, a
        // topic's score is his share of its evidence, which kudos cannot raise above all of it.)
        post(KAFKA, "t1s", "frank", "Check the consumer lag dashboard after every deploy.", "t1");
        Map<String, Object> before = expert("bob", "consumer lag deploy");
        assertThat(expert("frank", "consumer lag deploy").get("score")).isEqualTo(before.get("score"));
        kudosInThread("carol", "kudos @bob", "t1");
        Map<String, Object> after = expert("bob", "consumer lag deploy");
        assertThat((Double) after.get("score")).isGreaterThan((Double) before.get("score"))
                .isGreaterThan((Double) expert("frank", "consumer lag deploy").get("score"));
        assertThat((String) before.get("reason")).contains("1 other answer").doesNotContain("kudos");
        assertThat((String) after.get("reason")).contains("1 thanked answer", "1 kudo on those threads");
    }

    @Test
    void theLeaderboardRanksByAcceptedAnswersAndKudosOverAPeriod() {
        threads();
        ok("carol", "kudos @bob");
        ok("dave", "kudos @bob");
        assertThat(board("leaderboard")).containsExactly("bob 0/2", "erin 1/0");
        assertThat(board("leaderboard week")).containsExactly("bob 0/2", "erin 1/0");
        at("2026-12-20T00:00:00Z");
        assertThat(board("leaderboard kafka week")).isEmpty();
        assertThat(ok("zed", "leaderboard kafka week").text()).contains("or kudos in kafka in the last week yet.");
        assertThat(ok("zed", "leaderboard kafka 1d").text()).contains("in the last 1 day yet.");
        assertThat(board("leaderboard kafka all")).hasSize(2);
        assertThat(board("leaderboard kafka quarter")).containsExactly("bob 0/2", "erin 1/0");
        assertThat(refused("carol", "leaderboard kafka fortnight").text()).contains("not a period");
        assertThat(refused("carol", "leaderboard nowhere").text()).contains("neither a community nor a period");
    }

    @Test
    void anEmptyAllTimeBoardSaysSoInPlainWords() {
        assertThat(ok("zed", "leaderboard all").text()).startsWith("No accepted answers or kudos yet.");
    }

    @SuppressWarnings("unchecked")
    List<String> board(String command) {
        return ((List<Map<String, Object>>) ok("zed", command).data().get("leaderboard")).stream()
                .map(r -> r.get("name") + " " + r.get("accepted") + "/" + r.get("kudos")).toList();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> expert(String who, String topic) {
        return ((List<Map<String, Object>>) ok("zed", "experts " + topic).data().get("experts")).stream()
                .filter(e -> e.get("user").equals(who)).findFirst().orElseThrow();
    }
}
