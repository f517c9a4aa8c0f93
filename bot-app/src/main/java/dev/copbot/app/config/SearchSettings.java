package dev.copbot.app.config;

import java.util.Optional;

/**
 * Where threads are searched. {@code LUCENE}: the embedded index in the data directory, one per replica (the
 * default). {@code OPENSEARCH}: one index on an OpenSearch cluster, shared by every replica. {@link #toString()}
 * never shows the password.
 */
public record SearchSettings(Backend backend, Optional<String> openSearchUrl, String openSearchIndex,
                             Optional<String> openSearchUser, Optional<String> openSearchPassword) {
    public enum Backend { LUCENE, OPENSEARCH }

    public static SearchSettings embedded() {
        return new SearchSettings(Backend.LUCENE, Optional.empty(), "copbot-threads", Optional.empty(), Optional.empty());
    }

    public boolean openSearch() {
        return backend == Backend.OPENSEARCH;
    }

    @Override
    public String toString() {
        return backend == Backend.LUCENE ? "search=lucene"
                : "search=opensearch(" + openSearchUrl.orElse("-") + ", index " + openSearchIndex + ", user "
                        + openSearchUser.orElse("-") + ", password " + (openSearchPassword.isPresent() ? "(set)" : "-") + ")";
    }
}
