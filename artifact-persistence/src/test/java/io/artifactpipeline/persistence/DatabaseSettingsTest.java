package io.artifactpipeline.persistence;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSettingsTest {
    @Test
    void theEmbeddedDatabaseIsAnAbsoluteH2FileInTheDataDirectory() {
        String url = DatabaseSettings.embedded(Path.of("data")).jdbcUrl();
        assertThat(url).startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath().normalize()
                .resolve("artifact-pipeline"));
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertThat(new DatabaseSettings("jdbc:postgresql://db/app", "app", "s3cret", 5).toString())
                .contains("app").doesNotContain("s3cret");
    }

    @Test
    void onlyPostgresAndH2AreAccepted() {
        assertThat(Vendor.of("jdbc:postgresql://db/app")).isEqualTo(Vendor.POSTGRESQL);
        assertThat(Vendor.of("jdbc:h2:mem:x")).isEqualTo(Vendor.H2);
        assertThatThrownBy(() -> Vendor.of("jdbc:mysql://db/app")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported database URL");
    }

    @Test
    void aPoolNeedsAConnection() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", "", "", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
