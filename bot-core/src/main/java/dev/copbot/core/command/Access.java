package dev.copbot.core.command;

/** Who may run a command. LEADER means a leader of the community the command names, or an admin. */
public enum Access {
    ANYONE("anyone"), MEMBER("members"), LEADER("leaders of the community and admins"), ADMIN("admins");

    private final String who;

    Access(String who) {
        this.who = who;
    }

    public String who() {
        return who;
    }
}
