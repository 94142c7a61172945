package io.artifactpipeline.persistence;

import io.artifactpipeline.core.error.StoreUnavailableException;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UserId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database that cannot be reached is reported as the core's StoreUnavailableException, never a driver error. */
class UnavailableDatabaseTest {
    private static final Duration SHORT = Duration.ofMillis(500);

    @TempDir
    Path dataDir;

    @Test
    void aDatabaseThatDoesNotAnswerAtStartUpIsUnavailable() {
        // nothing listens on port 1
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/artifacts", "postgres", "", 2, SHORT);
        assertThatThrownBy(() -> JpaStorage.open(nowhere))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot open the database at jdbc:postgresql://127.0.0.1:1/artifacts");
    }

    @Test
    void anEmbeddedDatabaseThatVanishesAfterStartUpIsUnavailable() throws SQLException, IOException {
        JpaStorage.open(DatabaseSettings.embedded(dataDir)).close();
        // IFEXISTS: once the file is gone, H2 must not quietly create an empty database in its place
        String url = DatabaseSettings.h2FileUrl(dataDir) + ";IFEXISTS=TRUE";
        try (JpaStorage storage = JpaStorage.open(new DatabaseSettings(url, "", "", 2, SHORT))) {
            UserId owner = Fixtures.user();
            Fixtures.project(storage, owner);
            try (Connection connection = DriverManager.getConnection(url, "", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("shutdown");
            }
            try (Stream<Path> files = Files.list(dataDir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            assertEveryOperationIsUnavailable(storage, owner);
        }
    }

    @Test
    void aPostgresDatabaseThatIsDroppedUnderTheStoreIsUnavailable() throws Exception {
        PostgresDatabase postgres = new PostgresDatabase();
        postgres.beforeAll(null);
        try {
            try (JpaStorage storage = JpaStorage.open(postgres.settings(2, SHORT))) {
                UserId owner = Fixtures.user();
                Fixtures.project(storage, owner);
                assertThat(storage.isAvailable()).isTrue();
                postgres.kill();
                assertEveryOperationIsUnavailable(storage, owner);
            }
        } finally {
            postgres.afterAll(null);
        }
    }

    private static void assertEveryOperationIsUnavailable(JpaStorage storage, UserId owner) {
        assertUnavailable(() -> storage.page(owner, PageRequest.firstDefault()));
        assertUnavailable(() -> storage.revisionPage(owner, new ArtifactId(UUID.randomUUID()), PageRequest.firstDefault()));
        assertUnavailable(() -> storage.findProject(owner, new ProjectId(UUID.randomUUID())));
        assertUnavailable(() -> storage.findArtifact(owner, new ArtifactId(UUID.randomUUID())));
        assertUnavailable(() -> storage.findProgress(owner, new ArtifactId(UUID.randomUUID())));
        assertUnavailable(() -> Fixtures.project(storage, owner));
        assertUnavailable(() -> storage.claimNext("w", Fixtures.now(), Fixtures.LEASE));
        assertUnavailable(() -> storage.usageLedger().record(owner, LocalDate.now(), TokenUsage.of(1, 1)));
        assertThat(storage.isAvailable()).isFalse();
    }

    private static void assertUnavailable(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(StoreUnavailableException.class);
    }
}
