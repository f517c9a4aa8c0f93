package dev.copbot.core.archfixture.a;

import dev.copbot.core.archfixture.b.Pong;

/** Half of a deliberate package cycle (a → b → a), used only to prove the cycle rule fails when it should. */
public class Ping {
    public Pong next() {
        return new Pong();
    }
}
