package dev.copbot.core.platform;

/**
 * A person, scoped to the workspace or guild they belong to: {@code slack:T0123:U0456}, {@code discord:<guild>:<user>},
 * {@code console:alice}. The same human in two workspaces is two identities, on purpose: we never merge across them.
 */
public record UserId(Platform platform, String scope, String id) {

    public UserId {
        if (platform == null) {
            throw new IllegalArgumentException("platform is missing");
        }
        scope = platform.scoped() ? scope : "";
        if (platform.scoped()) {
            ScopedIds.check(scope, "user id");
        }
        ScopedIds.check(id, "user id");
    }

    public static UserId parse(String text) {
        String[] p = ScopedIds.parse(text, "user id");
        return new UserId(Platform.fromKey(p[0]), p[1], p[2]);
    }

    public static UserId console(String name) {
        return new UserId(Platform.CONSOLE, "", name);
    }

    /** The workspace or guild: {@code slack:T0123}, or {@code console}. */
    public String workspace() {
        return platform.workspace(scope);
    }

    /** How the ids of everyone in the same workspace begin, e.g. {@code slack:T0123:}. */
    public String idPrefix() {
        return platform.idPrefix(scope);
    }

    /** True when both live in the same workspace or guild (or both on the console). */
    public boolean sameScope(UserId other) {
        return platform == other.platform && scope.equals(other.scope);
    }

    /** Another user of this one's workspace or guild. */
    public UserId sibling(String otherId) {
        return new UserId(platform, scope, otherId);
    }

    public ChannelId channel(String channelId) {
        return new ChannelId(platform, scope, channelId);
    }

    @Override
    public String toString() {
        return ScopedIds.format(platform, scope, id);
    }
}
