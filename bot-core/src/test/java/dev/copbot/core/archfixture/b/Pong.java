package dev.copbot.core.archfixture.b;

import dev.copbot.core.archfixture.a.Ping;

/** The other half of the deliberate cycle. */
public class Pong {
    public Ping back() {
        return new Ping();
    }
}
