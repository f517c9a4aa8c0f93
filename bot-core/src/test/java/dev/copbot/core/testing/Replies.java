package dev.copbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.reply.Reply;

/** What a scenario checks of every reply it expects to succeed or to be refused. */
public final class Replies {
    private Replies() {}

    public static Reply ok(Reply r) {
        assertThat(r.ok()).as(r.text()).isTrue();
        return r;
    }

    /** Refused, and the refusal is for a person: no stack trace and no "something went wrong". */
    public static Reply refused(Reply r) {
        assertThat(r.ok()).as(r.text()).isFalse();
        assertThat(r.text()).doesNotContain("Exception", "\tat ", "went wrong");
        return r;
    }
}
