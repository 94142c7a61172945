package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a write returns is what a later read returns, even for instants finer than the database keeps. */
class TimePrecisionTest {
    private static final Instant NANOS = Instant.parse("2026-11-26T10:00:00.123456789Z");

    @Test
    void onH2() {
        try (JpaStorage storage = JpaStorage.open(TestDatabases.freshH2())) {
            assertCreatedEqualsFound(storage);
        }
    }

    @Test
    void onPostgres() throws Exception {
        PostgresDatabase postgres = new PostgresDatabase();
        postgres.beforeAll(null);
        try (JpaStorage storage = JpaStorage.open(postgres.settings(2))) {
            assertCreatedEqualsFound(storage);
        } finally {
            postgres.afterAll(null);
        }
    }

    private static void assertCreatedEqualsFound(JpaStorage storage) {
        UserId owner = Fixtures.user();
        Project created = storage.create(new Project(new ProjectId(UUID.randomUUID()), owner, "n", "idea",
                Map.of("q", "a"), NANOS));
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-11-26T10:00:00.123456Z"));
        assertThat(storage.findProject(owner, created.id())).contains(created);
    }
}
