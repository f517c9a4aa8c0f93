package dev.copbot.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The settings file, {@code copbot.yaml} (see config/copbot.example.yaml). Tokens and passwords are deliberately not
 * here: they come only from the environment, so a config file can be committed and shared.
 */
public record AppConfig(
        @JsonProperty("data") String data,
        @JsonProperty("database") DatabaseSection database,
        @JsonProperty("admins") List<String> admins,
        @JsonProperty("http") HttpSection http,
        @JsonProperty("community") CommunitySection community,
        @JsonProperty("ask") AskSection ask,
        @JsonProperty("limits") LimitsSection limits,
        @JsonProperty("search") SearchSection search) {

    public record DatabaseSection(@JsonProperty("url") String url, @JsonProperty("user") String user) {}

    public record HttpSection(@JsonProperty("port") Integer port, @JsonProperty("publicUrl") String publicUrl) {}

    public record CommunitySection(@JsonProperty("kudosPerDay") Integer kudosPerDay,
                                   @JsonProperty("kudosReactions") List<String> kudosReactions,
                                   @JsonProperty("inactiveDays") Integer inactiveDays) {}

    public record AskSection(@JsonProperty("dmsPerDay") Integer dmsPerDay,
                             @JsonProperty("escalateAfterHours") Integer escalateAfterHours) {}

    /** Per person and minute; 0 turns a limit off. */
    public record LimitsSection(@JsonProperty("searchesPerMinute") Integer searchesPerMinute,
                                @JsonProperty("asksPerMinute") Integer asksPerMinute,
                                @JsonProperty("expertsPerMinute") Integer expertsPerMinute,
                                @JsonProperty("chartsPerMinute") Integer chartsPerMinute) {}

    /** Where threads are searched: the embedded index ({@code lucene}) or an OpenSearch cluster. */
    public record SearchSection(@JsonProperty("backend") String backend,
                                @JsonProperty("opensearch") OpenSearchSection opensearch) {}

    /** The credentials come from the environment only (COPBOT_OPENSEARCH_USER, COPBOT_OPENSEARCH_PASSWORD). */
    public record OpenSearchSection(@JsonProperty("url") String url, @JsonProperty("index") String index) {}

    public static AppConfig empty() {
        return new AppConfig(null, null, null, null, null, null, null, null);
    }
}
