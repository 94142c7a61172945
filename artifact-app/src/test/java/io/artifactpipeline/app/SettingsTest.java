package io.artifactpipeline.app;

import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.llm.ModelSettings;
import io.artifactpipeline.persistence.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void withNothingConfiguredTheEmbeddedDefaultsApply() {
        AppSettings settings = load(Map.of());
        assertThat(settings.server().host()).isEqualTo("127.0.0.1");
        assertThat(settings.server().port()).isEqualTo(8080);
        assertThat(settings.db()).isEqualTo(DatabaseSettings.embedded(Path.of("./data")));
        assertThat(settings.developmentAuth()).isTrue();
        assertThat(settings.llm().provider()).isEqualTo(ModelSettings.Provider.OFFLINE);
        assertThat(settings.jobs().concurrency()).isEqualTo(64);
        assertThat(settings.jobs().lease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.server().web()).isTrue();
    }

    @Test
    void theWebWorkspaceCanBeSwitchedOffAndOnlyByTrueOrFalse() throws IOException {
        assertThat(load(Map.of("ARTIFACT_WEB", "false")).server().web()).isFalse();
        assertThat(load(Map.of("ARTIFACT_WEB", "TRUE")).server().web()).isTrue();
        Path yaml = dir.resolve("web.yaml");
        Files.writeString(yaml, "artifact:\n  web: false\n");
        assertThat(load(Map.of("ARTIFACT_CONFIG", yaml.toString())).server().web()).isFalse();
        assertThatThrownBy(() -> load(Map.of("ARTIFACT_WEB", "no")))
                .hasMessageContaining("ARTIFACT_WEB").hasMessageContaining("true or false");
    }

    @Test
    void yamlSetsWhatTheEnvironmentDoesNotAndTheEnvironmentWins() throws IOException {
        Path yaml = dir.resolve("application.yaml");
        Files.writeString(yaml, """
                artifact:
                  http:
                    port: 9000
                    host: 0.0.0.0
                    cors-origins: https://app.example.com, https://admin.example.com
                  llm:
                    max-concurrency: 4
                    model-cto-scale: big-model
                """);
        AppSettings settings = load(Map.of("ARTIFACT_CONFIG", yaml.toString(), "ARTIFACT_HTTP_PORT", "9100"));
        assertThat(settings.server().port()).isEqualTo(9100);
        assertThat(settings.server().host()).isEqualTo("0.0.0.0");
        assertThat(settings.server().corsOrigins()).containsExactly("https://app.example.com", "https://admin.example.com");
        assertThat(settings.llm().maxConcurrency()).isEqualTo(4);
        assertThat(settings.llm().modelFor(Tier.CTO_SCALE)).isEqualTo("big-model");
    }

    @Test
    void theExampleFileReadsAsTheDefaults() {
        Path example = Path.of("application.example.yaml"); // the module's folder is the tests' working directory
        assertThat(example).exists();
        AppSettings fromExample = load(Map.of("ARTIFACT_CONFIG", example.toAbsolutePath().toString()));
        assertThat(fromExample).isEqualTo(load(Map.of()));
    }

    @Test
    void theServerLimitsAndTheAccessLogAreSettings() {
        AppSettings defaults = load(Map.of());
        assertThat(defaults.server().maxConnections()).isEqualTo(2048);
        assertThat(defaults.server().maxConcurrentRequests()).isEqualTo(1024);
        assertThat(defaults.server().accessLog()).isTrue();
        AppSettings set = load(Map.of("ARTIFACT_HTTP_MAX_CONNECTIONS", "100", "ARTIFACT_HTTP_MAX_CONCURRENT_REQUESTS", "50",
                "ARTIFACT_HTTP_ACCESS_LOG", "FALSE"));
        assertThat(set.server().maxConnections()).isEqualTo(100);
        assertThat(set.server().maxConcurrentRequests()).isEqualTo(50);
        assertThat(set.server().accessLog()).isFalse();
        assertThatThrownBy(() -> load(Map.of("ARTIFACT_HTTP_ACCESS_LOG", "yes"))).hasMessageContaining("ARTIFACT_HTTP_ACCESS_LOG");
        assertThatThrownBy(() -> load(Map.of("ARTIFACT_HTTP_MAX_CONNECTIONS", "0"))).hasMessageContaining("ARTIFACT_HTTP_MAX_CONNECTIONS");
    }

    @Test
    void theModelCallSettingsReachTheModelSettings() {
        ModelSettings defaults = load(Map.of()).llm();
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.contextTokens()).isEmpty();
        assertThat(defaults.temperature()).isEqualTo(0.7);

        ModelSettings local = load(Map.of("ARTIFACT_LLM_PROVIDER", "openai",
                "ARTIFACT_LLM_BASE_URL", "http://127.0.0.1:11434/v1", "ARTIFACT_LLM_TIMEOUT_SECONDS", "900",
                "ARTIFACT_LLM_IDLE_TIMEOUT_SECONDS", "120", "ARTIFACT_LLM_CONTEXT_TOKENS", "32768",
                "ARTIFACT_LLM_TEMPERATURE", "0.2")).llm();
        assertThat(local.timeout()).isEqualTo(Duration.ofSeconds(900));
        assertThat(local.idleTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(local.contextTokens()).hasValue(32768);
        assertThat(local.temperature()).isEqualTo(0.2);

        assertThatThrownBy(() -> load(Map.of("ARTIFACT_LLM_TEMPERATURE", "warm")))
                .hasMessageContaining("ARTIFACT_LLM_TEMPERATURE");
        assertThatThrownBy(() -> load(Map.of("ARTIFACT_LLM_CONTEXT_TOKENS", "-5")))
                .hasMessageContaining("context window");
    }

    @Test
    void aBadNumberIsRefusedWithTheVariableNamed() {
        assertThatThrownBy(() -> load(Map.of("ARTIFACT_HTTP_PORT", "eighty")))
                .hasMessageContaining("ARTIFACT_HTTP_PORT");
        assertThatThrownBy(() -> load(Map.of("ARTIFACT_JOB_CONCURRENCY", "0")))
                .hasMessageContaining("ARTIFACT_JOB_CONCURRENCY");
    }

    @Test
    void secretsStayOutOfTheSettingsDescription() {
        AppSettings settings = load(Map.of("ARTIFACT_LLM_API_KEY", "sk-secret-123", "ARTIFACT_DB_PASSWORD", "hunter2"));
        assertThat(settings.toString()).doesNotContain("sk-secret-123").doesNotContain("hunter2");
        assertThat(load(Map.of("ARTIFACT_DB_URL", "jdbc:postgresql://app:hunter2@db/artifacts?password=hunter2")).toString())
                .contains("jdbc:postgresql://db/artifacts").doesNotContain("hunter2");
    }

    @Test
    void theTokenCommandPrintsATokenInDevelopmentModeOnly() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AppSettings development = load(Map.of("ARTIFACT_DATA_DIR", dir.toString()));
        assertThat(TokenCommand.run(List.of("--user", "founder-1", "--tier", "partner", "--ttl", "60"), development,
                new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString().trim().split("\\.")).hasSize(3);

        assertThat(TokenCommand.run(List.of("--tier", "partner"), development, new PrintStream(out),
                new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("--user is required");

        AppSettings production = load(Map.of("ARTIFACT_DATA_DIR", dir.toString(), "ARTIFACT_AUTH_JWKS", "https://idp/jwks.json"));
        assertThat(TokenCommand.run(List.of("--user", "x"), production, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("refused");
    }

    @Test
    void developmentAuthOnOtherMachinesIsOffUnlessSwitchedOnAndTheSwitchIsChecked() {
        assertThat(load(Map.of()).auth().remoteDevelopmentAllowed()).isFalse();
        assertThat(load(Map.of("ARTIFACT_AUTH_DEV_ALLOW_REMOTE", "true")).auth().remoteDevelopmentAllowed()).isTrue();
        assertThat(load(Map.of("ARTIFACT_AUTH_DEV_ALLOW_REMOTE", "TRUE")).auth().remoteDevelopmentAllowed()).isTrue();
        assertThatThrownBy(() -> load(Map.of("ARTIFACT_AUTH_DEV_ALLOW_REMOTE", "yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ARTIFACT_AUTH_DEV_ALLOW_REMOTE");
    }

    @Test
    void aServerWithDevelopmentAuthRefusesToStartOnAnAddressOtherMachinesReach() {
        Map<String, String> everywhere = Map.of("ARTIFACT_DATA_DIR", dir.toString(), "ARTIFACT_HTTP_HOST", "0.0.0.0",
                "ARTIFACT_HTTP_PORT", "0");
        assertThatThrownBy(() -> Application.start(load(everywhere)).close())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ARTIFACT_AUTH_DEV_ALLOW_REMOTE=true");
        Map<String, String> allowed = new java.util.HashMap<>(everywhere);
        allowed.put("ARTIFACT_AUTH_DEV_ALLOW_REMOTE", "true");
        try (Application application = Application.start(load(allowed))) {
            assertThat(application.port()).isPositive();
        }
    }

    private AppSettings load(Map<String, String> environment) {
        Map<String, String> withConfig = new java.util.HashMap<>(environment);
        withConfig.putIfAbsent("ARTIFACT_CONFIG", dir.resolve("absent.yaml").toString());
        return AppSettings.load(SettingsSource.of(withConfig));
    }
}
