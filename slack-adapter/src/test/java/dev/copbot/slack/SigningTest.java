package dev.copbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.slack.testing.FakeSlackApi;
import dev.copbot.slack.testing.SlackHarness;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bolt's signature check, as Slack's documentation specifies it, in front of every handler. */
class SigningTest {
    // Slack's published worked example ("Verifying requests from Slack").
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final long TIMESTAMP = 1531420618;
    static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    @TempDir
    Path tmp;
    SlackHarness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    void start() throws Exception {
        Clock atExample = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC);
        h = new SlackHarness(tmp, atExample, SECRET, new FakeSlackApi());
    }

    @Test
    void slacksPublishedExampleIsAcceptedAndAnswered() throws Exception {
        start();
        assertThat(SlackPayloads.signature(SECRET, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);

        var answer = h.post(SlackHarness.FORM, BODY, "X-Slack-Request-Timestamp", Long.toString(TIMESTAMP),
                "X-Slack-Signature", SIGNATURE);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        // An empty command text is "help": the core's answer comes back in the acknowledgement.
        assertThat(answer.body()).contains("\"response_type\":\"ephemeral\"", "CoP Bot");
        // The example's workspace is not the fake's (T1), so no profile is looked up; the answer needed no API call.
        assertThat(h.slack.callsBesidesAuth()).isEmpty();
    }

    @Test
    void aChangedByteIsRefusedBeforeAnyHandlerRuns() throws Exception {
        start();
        String tampered = BODY.replace("text=&", "text=x&");
        var answer = h.post(SlackHarness.FORM, tampered, "X-Slack-Request-Timestamp", Long.toString(TIMESTAMP),
                "X-Slack-Signature", SIGNATURE);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(h.slack.callsBesidesAuth()).as("no handler looked anyone up or answered").isEmpty();
    }

    @Test
    void aStaleTimestampIsRefusedEvenWhenCorrectlySigned() throws Exception {
        start();
        long stale = TIMESTAMP - 5 * 60 - 1;
        var answer = h.post(SlackHarness.FORM, BODY, "X-Slack-Request-Timestamp", Long.toString(stale),
                "X-Slack-Signature", SlackPayloads.signature(SECRET, stale, BODY));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(h.slack.callsBesidesAuth()).isEmpty();
    }

    @Test
    void aMissingSignatureIsRefused() throws Exception {
        start();
        var answer = h.post(SlackHarness.FORM, BODY, "X-Slack-Request-Timestamp", Long.toString(TIMESTAMP));
        assertThat(answer.status()).isEqualTo(401);
        var noHeaders = h.post(SlackHarness.FORM, BODY);
        assertThat(noHeaders.status()).isEqualTo(401);
        assertThat(h.slack.callsBesidesAuth()).isEmpty();
    }
}
