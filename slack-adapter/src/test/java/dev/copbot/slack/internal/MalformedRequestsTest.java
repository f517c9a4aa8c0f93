package dev.copbot.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which failures out of Bolt are the request's fault (400) and which are ours (500). */
class MalformedRequestsTest {

    static RuntimeException thrownAt(RuntimeException e, String... classes) {
        StackTraceElement[] frames = new StackTraceElement[classes.length];
        for (int i = 0; i < classes.length; i++) {
            frames[i] = new StackTraceElement(classes[i], "m", null, 1);
        }
        e.setStackTrace(frames);
        return e;
    }

    @Test
    void boltChokingOnAMissingFieldIsTheRequestsFault() {
        assertThat(MalformedRequests.isMalformed(thrownAt(new NullPointerException(), "com.slack.api.bolt.App",
                "com.slack.api.bolt.App", BoltWiring.class.getName(), "dev.copbot.app.launch.SlackLauncher"))).isTrue();
        assertThat(MalformedRequests.isMalformed(thrownAt(new IllegalStateException("Array must have size 1"),
                "com.google.gson.JsonArray", "com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents",
                BoltWiring.class.getName()))).isTrue();
        assertThat(MalformedRequests.isMalformed(thrownAt(new NullPointerException()))).as("a JIT fast-throw").isTrue();
    }

    @Test
    void aFailureInOurListenersIsOurs() {
        assertThat(MalformedRequests.isMalformed(thrownAt(new NullPointerException(),
                "dev.copbot.slack.internal.CommandListener", "com.slack.api.bolt.App", BoltWiring.class.getName())))
                .isFalse();
        assertThat(MalformedRequests.isMalformed(thrownAt(new IllegalStateException("store closed"),
                "dev.copbot.core.store.Database", "com.slack.api.bolt.App", BoltWiring.class.getName()))).isFalse();
    }
}
