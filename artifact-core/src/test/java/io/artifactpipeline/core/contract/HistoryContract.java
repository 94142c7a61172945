package io.artifactpipeline.core.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.error.ArtifactBusyException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectPosition;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.RevisionSource;
import io.artifactpipeline.core.model.RevisionSummary;
import io.artifactpipeline.core.model.SectionPath;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.testing.SampleContent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import static com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store's part in history and staleness: keyset pages of projects and revisions (newest first,
 * revisions without their content), each artifact's latest revision number and the dependency
 * revisions it was written from, the edit marks a revision keeps, and restores.
 */
public abstract class HistoryContract extends ContractFixture {

    // --- paging

    @Test
    void projectsArePagedNewestFirstWithTiesInOneStableOrder() {
        List<Project> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            if (i % 3 == 0) {
                now = now.plusSeconds(1); // several projects share an instant: the position must still be exact
            }
            made.add(newProject(alice));
        }
        newProject(mallory);

        List<Project> paged = new ArrayList<>();
        PageRequest<ProjectPosition> request = PageRequest.first(3);
        List<Integer> sizes = new ArrayList<>();
        while (true) {
            Page<Project, ProjectPosition> page = stores.projects().page(alice, request);
            paged.addAll(page.items());
            sizes.add(page.items().size());
            if (page.nextAfter().isEmpty()) {
                break;
            }
            request = new PageRequest<>(3, page.nextAfter());
        }
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(made);
        assertThat(paged).extracting(Project::createdAt).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(stores.projects().page(alice, PageRequest.firstDefault()).items()).containsExactlyElementsOf(paged);
        assertThat(stores.projects().page(new UserId("nobody"), PageRequest.firstDefault()))
                .isEqualTo(new Page<>(List.of(), Optional.empty()));
    }

    @Test
    void aFullLastPageSaysNothingFollows() {
        newProject(alice);
        newProject(alice);
        assertThat(stores.projects().page(alice, PageRequest.first(2)).nextAfter()).isEmpty();
        assertThat(stores.projects().page(alice, PageRequest.first(1)).nextAfter()).isPresent();
    }

    @Test
    void revisionsArePagedNewestFirstWithoutContentAndOnlyForTheOwner() {
        Artifact brief = generatedBrief();
        for (int i = 1; i <= 4; i++) {
            brief = edit(brief, "target_user", "Edit " + i);
        }
        ArtifactId id = brief.id();
        Page<RevisionSummary, Integer> first = stores.artifacts().revisionPage(alice, id, PageRequest.first(2));
        assertThat(first.items()).extracting(RevisionSummary::number).containsExactly(5, 4);
        assertThat(first.nextAfter()).contains(4);
        Page<RevisionSummary, Integer> second = stores.artifacts().revisionPage(alice, id, new PageRequest<>(2, first.nextAfter()));
        assertThat(second.items()).extracting(RevisionSummary::number).containsExactly(3, 2);
        Page<RevisionSummary, Integer> last = stores.artifacts().revisionPage(alice, id, new PageRequest<>(2, second.nextAfter()));
        assertThat(last.items()).extracting(RevisionSummary::number).containsExactly(1);
        assertThat(last.nextAfter()).isEmpty();

        RevisionSummary newest = first.items().getFirst();
        assertThat(newest.source()).isEqualTo(RevisionSource.EDITED);
        assertThat(newest.actor()).isEqualTo(alice.value());
        assertThat(newest.sections()).containsExactly("target_user");
        assertThat(newest.versionNumber()).isEqualTo(1);
        assertThat(newest.restoredFrom()).isEmpty();
        assertThat(stores.artifacts().revisionPage(mallory, id, PageRequest.firstDefault()).items()).isEmpty();
        assertThat(stores.artifacts().revisionPage(alice, new ArtifactId(UUID.randomUUID()), PageRequest.firstDefault())
                .items()).isEmpty();
    }

    // --- lineage

    @Test
    void theStoreKeepsEachArtifactsLatestRevisionNumber() {
        Artifact brief = generatedBrief();
        assertThat(brief.lineage().headRevision()).isEqualTo(1);
        Artifact edited = edit(brief, "target_user", "Cafés");
        assertThat(edited.lineage().headRevision()).isEqualTo(2);
        assertThat(stores.artifacts().findArtifact(alice, brief.id()).orElseThrow().lineage().headRevision()).isEqualTo(2);
    }

    @Test
    void aDependentWrittenFromAnOlderRevisionIsReadAsStale() {
        Project project = newProject(alice);
        enqueueAll(project);
        ClaimedGeneration claim = claim("w1");
        Artifact brief = write(claim, artifact(project, ArtifactType.BRIEF));
        Artifact scope = writeFrom(claim, artifact(project, ArtifactType.MVP_SCOPE), Map.of(ArtifactType.BRIEF, 1));
        stores.writes().finish(claim.lease(), now);
        assertThat(scope.writtenFrom()).containsExactly(Map.entry(ArtifactType.BRIEF, 1));
        assertThat(artifact(project, ArtifactType.MVP_SCOPE).isStale()).isFalse();
        assertThat(artifact(project, ArtifactType.MVP_SCOPE).writtenFrom()).containsExactly(Map.entry(ArtifactType.BRIEF, 1));

        edit(artifact(project, ArtifactType.BRIEF), "target_user", "Cafés");

        assertThat(artifact(project, ArtifactType.MVP_SCOPE).isStale()).as("listed").isTrue();
        Artifact found = stores.artifacts().findArtifact(alice, scope.id()).orElseThrow();
        assertThat(found.isStale()).as("found").isTrue();
        assertThat(found.lineage().dependencyHeads()).containsEntry(ArtifactType.BRIEF, 2);
        assertThat(found.writtenFrom()).containsExactly(Map.entry(ArtifactType.BRIEF, 1));
        assertThat(artifact(project, ArtifactType.BRIEF).isStale()).as("brief depends on nothing").isFalse();
        assertThat(artifact(project, ArtifactType.MILESTONES).isStale()).as("never written").isFalse();
        assertThat(brief.writtenFrom()).isEmpty();
    }

    @Test
    void aRevisionKeepsTheEditMarksAndWhatItWasWrittenFrom() {
        Artifact brief = generatedBrief();
        Artifact once = edit(brief, "target_user", "Cafés");
        edit(once, "problem_statement", "Waste");
        Revision revision = stores.artifacts().revision(alice, brief.id(), 3).orElseThrow();
        assertThat(revision.editedSections()).containsExactly("target_user", "problem_statement");
        assertThat(revision.restoredFrom()).isEmpty();
        assertThat(stores.artifacts().revision(alice, brief.id(), 1).orElseThrow().editedSections()).isEmpty();
    }

    // --- restore

    @Test
    void aRestoreLandsWithItsRevisionAndBumpsTheVersion() {
        Artifact brief = generatedBrief();
        Artifact edited = edit(brief, "target_user", "Cafés");
        Revision first = stores.artifacts().revision(alice, brief.id(), 1).orElseThrow();
        Artifact restored = edited.restoredTo(first, first.content(), 1, now);

        Artifact saved = stores.artifacts().saveRestore(restored, edited.rowVersion(), restored.restoredRevision(alice, 1));

        assertThat(saved.rowVersion()).isGreaterThan(edited.rowVersion());
        assertThat(saved.lineage().headRevision()).isEqualTo(3);
        Artifact found = stores.artifacts().findArtifact(alice, brief.id()).orElseThrow();
        assertThat(found.versionNumber()).isEqualTo(2);
        assertThat(found.currentContent()).isEqualTo(SampleContent.full(ArtifactType.BRIEF));
        assertThat(found.previousContent()).isEqualTo(edited.currentContent());
        assertThat(found.editedSections()).isEmpty();
        Revision revision = stores.artifacts().revision(alice, brief.id(), 3).orElseThrow();
        assertThat(revision.source()).isEqualTo(RevisionSource.RESTORED);
        assertThat(revision.restoredFrom()).isEqualTo(OptionalInt.of(1));
        assertThat(revision.sections()).containsExactly("target_user");
        assertThat(stores.artifacts().revisionPage(alice, brief.id(), PageRequest.first(1)).items().getFirst().restoredFrom())
                .isEqualTo(OptionalInt.of(1));
    }

    @Test
    void aRestoreOverAChangedOrGeneratingArtifactIsRefusedAndChangesNothing() {
        Artifact brief = generatedBrief();
        Artifact edited = edit(brief, "target_user", "Cafés");
        Revision first = stores.artifacts().revision(alice, brief.id(), 1).orElseThrow();
        Artifact restored = brief.restoredTo(first, first.content(), 1, now);
        assertThatThrownBy(() -> stores.artifacts().saveRestore(restored, brief.rowVersion(), restored.restoredRevision(alice, 1)))
                .isInstanceOf(StaleArtifactException.class);

        Project project = newProject(alice);
        enqueueAll(project);
        Artifact generating = artifact(project, ArtifactType.BRIEF);
        Artifact overGenerating = generating.restoredTo(first, first.content(), 1, now);
        assertThatThrownBy(() -> stores.artifacts().saveRestore(overGenerating, generating.rowVersion(),
                overGenerating.restoredRevision(alice, 1))).isInstanceOf(ArtifactBusyException.class);

        assertThat(stores.artifacts().findArtifact(alice, brief.id()).orElseThrow().rowVersion()).isEqualTo(edited.rowVersion());
        assertThat(history(alice, brief.id())).hasSize(2);
        assertThat(history(alice, generating.id())).isEmpty();
    }

    // --- helpers

    private Artifact edit(Artifact artifact, String section, String text) {
        SectionPath path = SectionPath.parse(section);
        Artifact edited = artifact.withEdit(path, instance.textNode(text), now);
        return stores.artifacts().saveEdit(edited, artifact.rowVersion(), edited.editRevision(alice, path));
    }

    private Artifact writeFrom(ClaimedGeneration claim, Artifact artifact, Map<ArtifactType, Integer> writtenFrom) {
        ObjectNode content = SampleContent.full(artifact.type());
        Artifact written = artifact.withGeneratedContent(content, 1, writtenFrom, now);
        return stores.writes().recordWritten(claim.lease(), written, written.generatedRevision(), List.of(), now);
    }
}
