package dev.copbot.core.community;

import java.time.Instant;
import java.util.Optional;

/** A community of practice and its charter. {@code name} is its lower-case slug, e.g. {@code data-science}. */
public record Community(String name, Optional<String> purpose, Optional<String> scope, Optional<String> cadence,
                        Optional<String> howToAsk, String createdBy, Instant createdAt, Optional<Instant> archivedAt) {

    public boolean archived() {
        return archivedAt.isPresent();
    }

    /** One field of the charter, when set. */
    public Optional<String> charter(CharterField field) {
        return switch (field) {
            case PURPOSE -> purpose;
            case SCOPE -> scope;
            case CADENCE -> cadence;
            case ASK -> howToAsk;
        };
    }
}
