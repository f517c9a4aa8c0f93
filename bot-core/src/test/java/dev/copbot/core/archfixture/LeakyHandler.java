package dev.copbot.core.archfixture;

import com.slack.fake.FakeSlackType;

/** A deliberate violation of the boundary, used only to prove the ArchUnit rule fails when it should. */
public class LeakyHandler {
    public Object leak() {
        return new FakeSlackType();
    }
}
