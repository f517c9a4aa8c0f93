package dev.copbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copbot.core.command.RateLimits;
import dev.copbot.core.kudos.KudosSettings;
import dev.copbot.core.platform.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsWithoutFileOrEnvironment() {
        Settings s = new ConfigLoader(Map.of()).load(Optional.empty(), Optional.empty());
        assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(s.databaseUrl()).isEmpty();
        assertThat(s.admins()).containsExactly(UserId.console("admin"));
        assertThat(s.httpPort()).isEqualTo(3000);
        assertThat(s.database().jdbcUrl()).startsWith("jdbc:sqlite:").endsWith("copbot.db");
    }

    @Test
    void theFileIsOverriddenByTheEnvironmentAndTheEnvironmentByTheCommandLine() throws Exception {
        Path file = tmp.resolve("copbot.yaml");
        Files.writeString(file, """
                data: /srv/copbot
                database:
                  url: jdbc:postgresql://db:5432/copbot
                  user: copbot
                admins: [console:admin, "slack:T1:U1"]
                http:
                  port: 8080
                """);
        Settings fromFile = new ConfigLoader(Map.of()).load(Optional.of(file), Optional.empty());
        assertThat(fromFile.dataDir()).isEqualTo(Path.of("/srv/copbot"));
        assertThat(fromFile.databaseUrl()).contains("jdbc:postgresql://db:5432/copbot");
        assertThat(fromFile.admins()).containsExactly(UserId.console("admin"), UserId.parse("slack:T1:U1"));
        assertThat(fromFile.httpPort()).isEqualTo(8080);

        Map<String, String> env = Map.of("COPBOT_DATA", "/env/data", "COPBOT_HTTP_PORT", "9000",
                "COPBOT_ADMINS", "discord:G1:42", "COPBOT_DATABASE_PASSWORD", "s3cret");
        Settings fromEnv = new ConfigLoader(env).load(Optional.of(file), Optional.empty());
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/env/data"));
        assertThat(fromEnv.httpPort()).isEqualTo(9000);
        assertThat(fromEnv.admins()).containsExactly(UserId.parse("discord:G1:42"));
        assertThat(fromEnv.databasePassword()).contains("s3cret");
        assertThat(fromEnv.toString()).doesNotContain("s3cret").contains("password=(set)");

        Settings fromCli = new ConfigLoader(env).load(Optional.of(file), Optional.of(tmp));
        assertThat(fromCli.dataDir()).isEqualTo(tmp);
    }

    @Test
    void secretsInTheFileAndUnknownKeysAreRefusedWithTheLine() throws Exception {
        Path file = tmp.resolve("copbot.yaml");
        Files.writeString(file, "data: ./data\nslack_bot_token: xoxb-123\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file), Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 2").hasMessageContaining("slack_bot_token")
                .hasMessageContaining("belong in the environment").hasMessageNotContaining("xoxb-123");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("COPBOT_HTTP_PORT", "eighty")).load(Optional.empty(), Optional.empty()))
                .hasMessageContaining("COPBOT_HTTP_PORT must be a port number");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("COPBOT_ADMINS", "slack:onlyone")).load(Optional.empty(), Optional.empty()))
                .hasMessageContaining("admins:");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(tmp.resolve("missing.yaml")), Optional.empty()))
                .hasMessageContaining("does not exist");
    }

    @Test
    void theSearchBackendComesFromTheFileOrTheEnvironmentAndItsSecretsOnlyFromTheEnvironment() throws Exception {
        assertThat(new ConfigLoader(Map.of()).load(Optional.empty(), Optional.empty()).search().openSearch()).isFalse();
        Path file = tmp.resolve("copbot.yaml");
        Files.writeString(file, """
                search:
                  backend: opensearch
                  opensearch:
                    url: http://search.internal:9200
                    index: cop-threads
                """);
        Settings fromFile = new ConfigLoader(Map.of("COPBOT_OPENSEARCH_USER", "copbot", "COPBOT_OPENSEARCH_PASSWORD", "s3cret"))
                .load(Optional.of(file), Optional.empty());
        assertThat(fromFile.search().openSearch()).isTrue();
        assertThat(fromFile.search().openSearchUrl()).contains("http://search.internal:9200");
        assertThat(fromFile.search().openSearchIndex()).isEqualTo("cop-threads");
        assertThat(fromFile.search().openSearchPassword()).contains("s3cret");
        assertThat(fromFile.toString()).contains("search=opensearch(http://search.internal:9200", "password (set)")
                .doesNotContain("s3cret");

        Settings overridden = new ConfigLoader(Map.of("COPBOT_SEARCH_BACKEND", "lucene")).load(Optional.of(file), Optional.empty());
        assertThat(overridden.search().openSearch()).isFalse();
        Settings fromEnv = new ConfigLoader(Map.of("COPBOT_SEARCH_BACKEND", "OpenSearch", "COPBOT_OPENSEARCH_URL",
                "https://os.example.com")).load(Optional.empty(), Optional.empty());
        assertThat(fromEnv.search().openSearchUrl()).contains("https://os.example.com");
        assertThat(fromEnv.search().openSearchIndex()).isEqualTo("copbot-threads");
    }

    @Test
    void aBadSearchBackendSaysWhatWouldDo() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("COPBOT_SEARCH_BACKEND", "opensaerch")).load(Optional.empty(), Optional.empty()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'lucene'").hasMessageContaining("'opensearch'")
                .hasMessageContaining("opensaerch").hasMessageContaining("Did you mean 'opensearch'?");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("COPBOT_SEARCH_BACKEND", "opensearch")).load(Optional.empty(), Optional.empty()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COPBOT_OPENSEARCH_URL");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("COPBOT_SEARCH_BACKEND", "opensearch", "COPBOT_OPENSEARCH_URL",
                "localhost:9200")).load(Optional.empty(), Optional.empty()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http:// or https://");
    }

    @Test
    void theExampleConfigInTheRepositoryLoads() {
        Path example = Path.of("..", "config", "copbot.example.yaml");
        Settings s = new ConfigLoader(Map.of()).load(Optional.of(example), Optional.empty());
        assertThat(s.admins()).contains(UserId.console("admin"));
        assertThat(s.httpPort()).isEqualTo(3000);
        assertThat(s.bot().kudos().perDay()).isEqualTo(5);
        assertThat(s.bot().kudos().reactions()).contains("kudos", "clap", "\uD83D\uDC4F");
        assertThat(s.bot().life().inactiveDays()).isEqualTo(60);
        assertThat(s.bot().ask().dmsPerDay()).isEqualTo(1);
        assertThat(s.bot().ask().escalateAfter()).hasHours(24);
        assertThat(s.bot().limits()).isEqualTo(new RateLimits(20, 10, 20, 10));
        assertThat(s.bot().publicUrl()).isEmpty();
    }

    @Test
    void rateLimitsAndThePublicUrlComeFromTheFileThenTheEnvironment() throws Exception {
        assertThat(new ConfigLoader(Map.of()).load(Optional.empty(), Optional.empty()).bot().limits())
                .isEqualTo(RateLimits.defaults());
        Path file = tmp.resolve("limits.yaml");
        Files.writeString(file, "limits:\n  searchesPerMinute: 5\n  asksPerMinute: 0\n"
                + "http:\n  publicUrl: https://bot.example.com/\n");
        Settings fromFile = new ConfigLoader(Map.of()).load(Optional.of(file), Optional.empty());
        assertThat(fromFile.bot().limits()).isEqualTo(new RateLimits(5, 0, 20, 10));
        assertThat(fromFile.bot().publicUrl()).contains("https://bot.example.com");
        Settings fromEnv = new ConfigLoader(Map.of("COPBOT_SEARCHES_PER_MINUTE", "50", "COPBOT_CHARTS_PER_MINUTE", "3",
                "COPBOT_EXPERTS_PER_MINUTE", "4", "COPBOT_ASKS_PER_MINUTE", "2", "COPBOT_PUBLIC_URL", "http://10.0.0.5:3000"))
                .load(Optional.of(file), Optional.empty());
        assertThat(fromEnv.bot().limits()).isEqualTo(new RateLimits(50, 2, 4, 3));
        assertThat(fromEnv.bot().publicUrl()).contains("http://10.0.0.5:3000");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("COPBOT_SEARCHES_PER_MINUTE", "-1")).load(Optional.empty(), Optional.empty()))
                .hasMessageContaining("COPBOT_SEARCHES_PER_MINUTE must be between 0 and 100000, not -1");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("COPBOT_PUBLIC_URL", "copbot.example.com")).load(Optional.empty(), Optional.empty()))
                .hasMessageContaining("http.publicUrl must be an http:// or https:// address");
    }

    @Test
    void featureLimitsComeFromTheFileThenTheEnvironmentAndBadOnesAreNamed() throws Exception {
        Path file = tmp.resolve("limits.yaml");
        Files.writeString(file, "community:\n  kudosPerDay: 3\n  kudosReactions: [star]\n  inactiveDays: 90\n"
                + "ask:\n  dmsPerDay: 2\n  escalateAfterHours: 12\n");
        Settings fromFile = new ConfigLoader(Map.of()).load(Optional.of(file), Optional.empty());
        assertThat(fromFile.bot().kudos()).isEqualTo(new KudosSettings(3, Set.of("star")));
        assertThat(fromFile.bot().life().inactiveDays()).isEqualTo(90);
        assertThat(fromFile.bot().ask().dmsPerDay()).isEqualTo(2);
        assertThat(fromFile.bot().ask().escalateAfter()).hasHours(12);
        Settings fromEnv = new ConfigLoader(Map.of("COPBOT_KUDOS_PER_DAY", "7", "COPBOT_KUDOS_REACTIONS", "kudos, tada"))
                .load(Optional.of(file), Optional.empty());
        assertThat(fromEnv.bot().kudos()).isEqualTo(new KudosSettings(7, Set.of("kudos", "tada")));
        assertThatThrownBy(() -> new ConfigLoader(Map.of("COPBOT_KUDOS_PER_DAY", "lots")).load(Optional.empty(), Optional.empty()))
                .hasMessageContaining("COPBOT_KUDOS_PER_DAY must be a whole number");
        Files.writeString(file, "community:\n  inactiveDays: 0\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file), Optional.empty()))
                .hasMessageContaining("community.inactiveDays must be between 1 and 3650, not 0");
    }
}
