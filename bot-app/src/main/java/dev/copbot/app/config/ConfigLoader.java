package dev.copbot.app.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.copbot.core.BotSettings;
import dev.copbot.core.command.RateLimits;
import dev.copbot.core.expertise.AskExperts;
import dev.copbot.core.kudos.KudosSettings;
import dev.copbot.core.life.CommunityLife;
import dev.copbot.core.platform.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges the config file ({@code --config}, else {@code COPBOT_CONFIG}, else {@code ./copbot.yaml} when present),
 * the environment ({@code COPBOT_*}) and the command line's {@code --data}.
 */
public final class ConfigLoader {
    public static final int DEFAULT_HTTP_PORT = 3000;

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public Settings load(Optional<Path> configOption, Optional<Path> dataOption) {
        Optional<Path> file = configOption.or(() -> env("COPBOT_CONFIG").map(Path::of))
                .or(() -> Optional.of(Path.of("copbot.yaml")).filter(Files::isRegularFile));
        AppConfig config = file.map(ConfigLoader::read).orElse(AppConfig.empty());

        Path data = dataOption.or(() -> env("COPBOT_DATA").map(Path::of))
                .orElse(Path.of(Optional.ofNullable(config.data()).orElse("./data")));
        Optional<String> url = env("COPBOT_DATABASE_URL")
                .or(() -> Optional.ofNullable(config.database()).map(AppConfig.DatabaseSection::url));
        Optional<String> user = env("COPBOT_DATABASE_USER")
                .or(() -> Optional.ofNullable(config.database()).map(AppConfig.DatabaseSection::user));
        Optional<String> password = env("COPBOT_DATABASE_PASSWORD");

        List<String> adminList = env("COPBOT_ADMINS").map(s -> Arrays.asList(s.split("\\s*,\\s*")))
                .orElse(Optional.ofNullable(config.admins()).orElse(List.of(BotSettings.CONSOLE_ADMIN.toString())));
        Set<UserId> admins = new LinkedHashSet<>();
        for (String a : adminList) {
            if (a.isBlank()) {
                continue;
            }
            try {
                admins.add(UserId.parse(a.strip()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("admins: " + e.getMessage());
            }
        }
        int port = env("COPBOT_HTTP_PORT").map(p -> parsePort(p, "COPBOT_HTTP_PORT"))
                .orElse(Optional.ofNullable(config.http()).map(AppConfig.HttpSection::port).orElse(DEFAULT_HTTP_PORT));
        if (port < 1 || port > 65535) {
            throw new ConfigException("http.port must be between 1 and 65535, not " + port);
        }
        Optional<AppConfig.CommunitySection> community = Optional.ofNullable(config.community());
        Optional<AppConfig.AskSection> ask = Optional.ofNullable(config.ask());
        KudosSettings kudosDefaults = KudosSettings.defaults();
        KudosSettings kudos = new KudosSettings(
                number("COPBOT_KUDOS_PER_DAY", "community.kudosPerDay", community.map(AppConfig.CommunitySection::kudosPerDay),
                        kudosDefaults.perDay(), 1, 1000),
                env("COPBOT_KUDOS_REACTIONS").map(r -> Set.copyOf(Arrays.asList(r.strip().split("\\s*,\\s*"))))
                        .or(() -> community.map(AppConfig.CommunitySection::kudosReactions).map(Set::copyOf))
                        .orElse(kudosDefaults.reactions()));
        CommunityLife.Settings life = new CommunityLife.Settings(number("COPBOT_INACTIVE_DAYS", "community.inactiveDays",
                community.map(AppConfig.CommunitySection::inactiveDays), CommunityLife.Settings.defaults().inactiveDays(),
                1, 3650));
        AskExperts.Settings askDefaults = AskExperts.Settings.defaults();
        AskExperts.Settings asks = new AskExperts.Settings(askDefaults.experts(),
                number("COPBOT_ASK_DMS_PER_DAY", "ask.dmsPerDay", ask.map(AppConfig.AskSection::dmsPerDay),
                        askDefaults.dmsPerDay(), 1, 100),
                Duration.ofHours(number("COPBOT_ASK_ESCALATE_HOURS", "ask.escalateAfterHours",
                        ask.map(AppConfig.AskSection::escalateAfterHours), (int) askDefaults.escalateAfter().toHours(), 1, 24 * 30)));
        Optional<AppConfig.LimitsSection> limits = Optional.ofNullable(config.limits());
        RateLimits limitDefaults = RateLimits.defaults();
        RateLimits rateLimits = new RateLimits(
                number("COPBOT_SEARCHES_PER_MINUTE", "limits.searchesPerMinute",
                        limits.map(AppConfig.LimitsSection::searchesPerMinute), limitDefaults.searchesPerMinute(), 0, 100_000),
                number("COPBOT_ASKS_PER_MINUTE", "limits.asksPerMinute",
                        limits.map(AppConfig.LimitsSection::asksPerMinute), limitDefaults.asksPerMinute(), 0, 100_000),
                number("COPBOT_EXPERTS_PER_MINUTE", "limits.expertsPerMinute",
                        limits.map(AppConfig.LimitsSection::expertsPerMinute), limitDefaults.expertsPerMinute(), 0, 100_000),
                number("COPBOT_CHARTS_PER_MINUTE", "limits.chartsPerMinute",
                        limits.map(AppConfig.LimitsSection::chartsPerMinute), limitDefaults.chartsPerMinute(), 0, 100_000));
        Optional<String> publicUrl = env("COPBOT_PUBLIC_URL")
                .or(() -> Optional.ofNullable(config.http()).map(AppConfig.HttpSection::publicUrl).filter(u -> !u.isBlank()))
                .map(ConfigLoader::publicUrl);
        return new Settings(data, url, user, password, admins, port, file, asks, kudos, life, rateLimits, publicUrl,
                search(Optional.ofNullable(config.search())));
    }

    /** {@code search.backend} and, for OpenSearch, where it is; its user and password from the environment only. */
    private SearchSettings search(Optional<AppConfig.SearchSection> section) {
        Optional<AppConfig.OpenSearchSection> os = section.map(AppConfig.SearchSection::opensearch);
        String typed = env("COPBOT_SEARCH_BACKEND").or(() -> section.map(AppConfig.SearchSection::backend)
                .filter(b -> !b.isBlank())).orElse("lucene").strip();
        SearchSettings.Backend backend = switch (typed.toLowerCase(java.util.Locale.ROOT)) {
            case "lucene" -> SearchSettings.Backend.LUCENE;
            case "opensearch" -> SearchSettings.Backend.OPENSEARCH;
            default -> throw new ConfigException("search.backend (or COPBOT_SEARCH_BACKEND) is 'lucene' (the embedded "
                    + "index, the default) or 'opensearch', not '" + typed + "'"
                    + dev.copbot.core.command.Suggestions.didYouMean(typed, java.util.List.of("lucene", "opensearch")));
        };
        Optional<String> url = env("COPBOT_OPENSEARCH_URL")
                .or(() -> os.map(AppConfig.OpenSearchSection::url).filter(u -> !u.isBlank())).map(String::strip);
        String index = env("COPBOT_OPENSEARCH_INDEX")
                .or(() -> os.map(AppConfig.OpenSearchSection::index).filter(i -> !i.isBlank())).orElse("copbot-threads").strip();
        if (backend == SearchSettings.Backend.OPENSEARCH) {
            if (url.isEmpty()) {
                throw new ConfigException("search.backend is opensearch but no address is set: set search.opensearch.url "
                        + "in the config file or COPBOT_OPENSEARCH_URL, e.g. http://127.0.0.1:9200");
            }
            if (!url.get().matches("https?://[^\\s/]+(/[^\\s]*)?")) {
                throw new ConfigException("search.opensearch.url must be an http:// or https:// address, e.g. "
                        + "https://search.example.com:9200, not '" + url.get() + "'");
            }
            if (!index.matches("[a-z0-9][a-z0-9_.-]*")) {
                throw new ConfigException("search.opensearch.index must be lower case letters, digits, '-', '_' or '.', not '"
                        + index + "'");
            }
        }
        return new SearchSettings(backend, url, index, env("COPBOT_OPENSEARCH_USER"), env("COPBOT_OPENSEARCH_PASSWORD"));
    }

    /** A whole number from the environment, else the file, else the default; out of range is a clear error. */
    private int number(String variable, String key, Optional<Integer> fromFile, int fallback, int min, int max) {
        int value;
        String where;
        if (env(variable).isPresent()) {
            where = variable;
            try {
                value = Integer.parseInt(env(variable).get().strip());
            } catch (NumberFormatException e) {
                throw new ConfigException(variable + " must be a whole number, not '" + env(variable).get() + "'");
            }
        } else {
            where = key;
            value = fromFile.orElse(fallback);
        }
        if (value < min || value > max) {
            throw new ConfigException(where + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    /** The address people reach the bot's HTTP server at, without a trailing slash: http(s) only. */
    private static String publicUrl(String typed) {
        String u = typed.strip().replaceAll("/+$", "");
        if (!u.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
            throw new ConfigException("http.publicUrl must be an http:// or https:// address, e.g. https://copbot.example.com, not '"
                    + typed + "'");
        }
        return u;
    }

    private static int parsePort(String value, String where) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(where + " must be a port number, not '" + value + "'");
        }
    }

    static AppConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist (copy config/copbot.example.yaml)");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            AppConfig config = yaml.readValue(file.toFile(), AppConfig.class);
            return config == null ? AppConfig.empty() : config;
        } catch (UnrecognizedPropertyException e) {
            String key = e.getPropertyName();
            throw new ConfigException("config file " + file + lineOf(file, key) + ": unknown setting '" + key
                    + "' (known here: " + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .toList()) + "). Tokens and passwords belong in the environment, not in the file; "
                    + "see config/copbot.example.yaml for every setting.");
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            String what = e.getOriginalMessage().split("\\(class")[0].strip();
            throw new ConfigException("config file " + file + where + ": " + what
                    + ". Tokens and passwords belong in the environment, not in the file; "
                    + "see config/copbot.example.yaml for every setting.");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    /** " at line N" for the first line that sets {@code key}; Jackson reports where the value ends, not the key. */
    private static String lineOf(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith(key + ":")) {
                    return " at line " + (i + 1);
                }
            }
        } catch (IOException ignored) {
            // the message stays useful without the line number
        }
        return "";
    }
}
