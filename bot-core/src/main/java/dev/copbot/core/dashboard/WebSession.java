package dev.copbot.core.dashboard;

import dev.copbot.core.platform.UserId;
import java.time.Instant;

/**
 * A signed-in browser: who (with the admin standing chat gave them when they asked for the link), the token every
 * form of theirs must carry, and when the session ends.
 */
public record WebSession(UserId user, String displayName, boolean admin, String csrfToken, Instant expiresAt) {}
