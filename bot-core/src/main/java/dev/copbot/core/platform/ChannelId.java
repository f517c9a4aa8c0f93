package dev.copbot.core.platform;

/** A channel (or DM, or Discord thread channel), scoped like {@link UserId}: {@code slack:T0123:C0789}. */
public record ChannelId(Platform platform, String scope, String id) {

    public ChannelId {
        if (platform == null) {
            throw new IllegalArgumentException("platform is missing");
        }
        scope = platform.scoped() ? scope : "";
        if (platform.scoped()) {
            ScopedIds.check(scope, "channel id");
        }
        ScopedIds.check(id, "channel id");
    }

    public static ChannelId parse(String text) {
        String[] p = ScopedIds.parse(text, "channel id");
        return new ChannelId(Platform.fromKey(p[0]), p[1], p[2]);
    }

    /** The workspace or guild: {@code slack:T0123}, or {@code console}. */
    public String workspace() {
        return platform.workspace(scope);
    }

    public boolean sameScope(UserId user) {
        return platform == user.platform() && scope.equals(user.scope());
    }

    @Override
    public String toString() {
        return ScopedIds.format(platform, scope, id);
    }
}
