package dev.copbot.core.event;

import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secrets of per-person calendar feeds: 128 random bits, shown to their owner once and kept only as a SHA-256, so
 * neither the store nor its backups can open a feed. One live token per person and community; a reset revokes it.
 */
final class FeedTokens {
    /** What a token looks like in a URL: 32 lower-case hex digits. */
    static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A live token's owner and community. */
    record Owner(String community, UserId user) {}

    private final Database db;

    FeedTokens(Database db) {
        this.db = db;
    }

    /** When the person's live token of the community was issued, if they have one. */
    Optional<Instant> issued(String community, UserId user) {
        return db.queryOne("""
                SELECT created_at FROM calendar_feed_tokens
                WHERE community = ? AND user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1""",
                rs -> Instant.ofEpochMilli(rs.getLong(1)), community, user.toString());
    }

    /** A new token for the person, revoking any they had; call in a transaction. The secret is returned, never kept. */
    String issue(String community, UserId user, Instant at) {
        revoke(community, user, at);
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        String token = HexFormat.of().formatHex(bits);
        db.update("INSERT INTO calendar_feed_tokens (token_hash, community, user_id, created_at) VALUES (?, ?, ?, ?)",
                hash(token), community, user.toString(), at.toEpochMilli());
        return token;
    }

    /** Revokes the person's live token of the community; false when there was none. */
    boolean revoke(String community, UserId user, Instant at) {
        return db.update("""
                UPDATE calendar_feed_tokens SET revoked_at = ?
                WHERE community = ? AND user_id = ? AND revoked_at IS NULL""",
                at.toEpochMilli(), community, user.toString()) > 0;
    }

    /** The owner of a live token, when {@code token} is one. */
    Optional<Owner> owner(String token) {
        if (!SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return db.queryOne("SELECT community, user_id FROM calendar_feed_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                rs -> new Owner(rs.getString(1), UserId.parse(rs.getString(2))), hash(token));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
