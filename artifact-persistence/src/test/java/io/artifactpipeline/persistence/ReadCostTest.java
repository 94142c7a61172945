package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.AnnotationId;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.UserId;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the API serves all the time cost one SQL statement each, annotations included (no N+1); the
 * polled artifact read goes around Hibernate altogether.
 */
class ReadCostTest {
    private JpaStorage storage;
    private Statistics statistics;
    private UserId owner;
    private List<Artifact> artifacts;

    @BeforeEach
    void open() {
        storage = JpaStorage.openWithStatistics(TestDatabases.freshH2());
        statistics = storage.database().sessionFactory().getStatistics();
        owner = Fixtures.user();
        artifacts = Fixtures.generatedProject(storage, owner);
        // annotations on every artifact, two on some, so that fetching them lazily would show
        for (Artifact artifact : artifacts) {
            annotate(artifact, "first");
            if (artifact.type().ordinal() % 2 == 0) {
                annotate(artifact, "second");
            }
        }
        statistics.clear();
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void findingOneArtifactTakesItsNotesAndWhatMakesItStaleInPlainJdbc() {
        Artifact brief = storage.findArtifact(owner, artifacts.getFirst().id()).orElseThrow();
        assertThat(brief.annotations()).hasSize(2);
        Artifact milestones = storage.findArtifact(owner, artifacts.get(2).id()).orElseThrow();
        assertThat(milestones.lineage().dependencyHeads()).containsOnlyKeys(milestones.type().dependencies());
        assertThat(statistics.getPrepareStatementCount())
                .as("no session: the row, its notes if it has any, its siblings' heads if it depends on one (ArtifactRows)")
                .isZero();
    }

    @Test
    void aPageOfRevisionsIsOneStatementThatLeavesTheContentUnread() {
        storage.revisionPage(owner, artifacts.getFirst().id(), PageRequest.firstDefault());
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
        assertThat(statistics.getQueries()).filteredOn(query -> query.contains("RevisionEntity"))
                .singleElement().satisfies(query -> assertThat(query).doesNotContain("content"));
    }

    @Test
    void listingAProjectsFiveArtifactsTakesTheirNotesAndStalenessInPlainJdbc() {
        List<Artifact> listed = storage.listByProject(owner, artifacts.getFirst().projectId());
        assertThat(listed).hasSize(5);
        assertThat(listed).allSatisfy(a -> assertThat(a.annotations()).isNotEmpty());
        assertThat(listed.stream().mapToInt(a -> a.annotations().size()).sum()).isEqualTo(8);
        assertThat(listed).as("staleness from the rows already read").allSatisfy(a -> assertThat(a.isStale()).isFalse());
        assertThat(statistics.getPrepareStatementCount()).as("no session (ArtifactRows)").isZero();
    }

    @Test
    void findingAGenerationWithItsItemsIsOneStatement() {
        var project = Fixtures.project(storage, owner);
        var queued = Fixtures.enqueueAll(storage, project);
        statistics.clear();
        assertThat(storage.findGeneration(owner, queued.id())).get().satisfies(g -> assertThat(g.items()).hasSize(5));
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
    }

    private void annotate(Artifact artifact, String note) {
        storage.addAnnotation(owner, artifact.id(),
                new Annotation(new AnnotationId(UUID.randomUUID()), "target_user", note, Fixtures.now()));
    }
}
