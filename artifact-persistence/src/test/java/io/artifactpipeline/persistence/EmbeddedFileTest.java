package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.UserId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded default: an H2 file in the data directory, across restarts and upgrades. */
class EmbeddedFileTest {
    @TempDir
    Path dataDir;

    @Test
    void everythingIsStillThereAfterARestartAndMigrationsAreNotReapplied() throws SQLException {
        UserId owner = Fixtures.user();
        List<Artifact> written;
        List<String> historyBefore;
        try (JpaStorage storage = JpaStorage.open(DatabaseSettings.embedded(dataDir))) {
            written = Fixtures.generatedProject(storage, owner);
            storage.addAnnotation(owner, written.getFirst().id(), new io.artifactpipeline.core.model.Annotation(
                    new io.artifactpipeline.core.model.AnnotationId(java.util.UUID.randomUUID()), "target_user",
                    "ask the bakers", Fixtures.now()));
            historyBefore = migrationHistory();
        }
        assertThat(historyBefore).hasSizeGreaterThanOrEqualTo(2);

        try (JpaStorage reopened = JpaStorage.open(DatabaseSettings.embedded(dataDir))) {
            Artifact brief = reopened.findArtifact(owner, written.getFirst().id()).orElseThrow();
            assertThat(brief.currentContent()).isEqualTo(written.getFirst().currentContent());
            assertThat(brief.annotations()).extracting(a -> a.note()).containsExactly("ask the bakers");
            assertThat(reopened.listByProject(owner, brief.projectId())).hasSize(5);
            assertThat(reopened.revisionPage(owner, brief.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items()).hasSize(1);
            assertThat(reopened.page(owner, PageRequest.firstDefault()).items()).hasSize(1);
            assertThat(migrationHistory()).isEqualTo(historyBefore);
        }
    }

    @Test
    void aDatabaseMigratedByANewerReleaseIsRefusedWithAClearMessage() {
        try (JpaStorage storage = JpaStorage.open(DatabaseSettings.embedded(dataDir))) {
            Fixtures.project(storage, Fixtures.user());
        }
        // A newer release migrates the same file further than this build knows.
        Flyway newer = Flyway.configure()
                .dataSource(DatabaseSettings.h2FileUrl(dataDir), "", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2", "classpath:db/future")
                .placeholders(Vendor.H2.migrationPlaceholders())
                .load();
        newer.migrate();

        assertThatThrownBy(() -> JpaStorage.open(DatabaseSettings.embedded(dataDir)))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("newer release")
                .hasMessageContaining("schema version 999")
                .hasMessageContaining("refusing to start");
    }

    @Test
    void theFileLivesInTheDataDirectory() {
        try (JpaStorage storage = JpaStorage.open(DatabaseSettings.embedded(dataDir))) {
            assertThat(storage.isAvailable()).isTrue();
        }
        assertThat(dataDir.resolve("artifact-pipeline.mv.db")).isRegularFile();
    }

    private List<String> migrationHistory() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(DatabaseSettings.h2FileUrl(dataDir), "", "");
             Statement statement = connection.createStatement();
             ResultSet history = statement.executeQuery(
                     "select \"installed_rank\", \"version\", \"checksum\", \"installed_on\" "
                             + "from \"flyway_schema_history\" order by \"installed_rank\"")) {
            while (history.next()) {
                rows.add(history.getInt(1) + " " + history.getString(2) + " " + history.getInt(3) + " "
                        + history.getTimestamp(4));
            }
        }
        return rows;
    }
}
