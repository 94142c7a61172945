package io.artifactpipeline.core.cascade;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.testing.FakeLanguageModel.Behaviour;
import io.artifactpipeline.core.testing.TestPipeline;
import io.artifactpipeline.core.usecase.StartGeneration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Sections reach watchers as the model finishes them, before the artifact is stored, and never above the tier. */
class SectionDraftsTest {
    private static final Actor FOUNDER = Actor.of("founder", Tier.BOOTSTRAPPER);

    private final TestPipeline t = TestPipeline.create();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void eachSectionIsAnnouncedBeforeTheContentIsStored() {
        Project project = t.project(FOUNDER);
        List<ArtifactChange> seen = new CopyOnWriteArrayList<>();
        List<Boolean> storedWhenDrafted = new CopyOnWriteArrayList<>();
        t.pipeline().watchProject().watch(FOUNDER, project.id(), change -> {
            seen.add(change);
            if (change.isDraft() && change.type() == ArtifactType.BRIEF) {
                storedWhenDrafted.add(t.pipeline().getArtifact().get(FOUNDER, change.artifactId()).hasContent());
            }
        });

        t.pipeline().startGeneration().start(FOUNDER, new StartGeneration.Command(project.id(), false));
        t.pipeline().worker().drain();

        List<String> briefDrafts = seen.stream().filter(c -> c.type() == ArtifactType.BRIEF && c.isDraft())
                .map(c -> c.draft().orElseThrow().section()).toList();
        assertThat(briefDrafts).containsExactlyElementsOf(
                ArtifactSchemas.of(ArtifactType.BRIEF).sectionKeysFor(Tier.BOOTSTRAPPER));
        assertThat(storedWhenDrafted).isNotEmpty().containsOnly(false);
        int lastDraft = lastIndexOf(seen, ArtifactChange.Kind.SECTION_DRAFT);
        int written = lastIndexOf(seen, ArtifactChange.Kind.CONTENT_WRITTEN);
        assertThat(lastDraft).isLessThan(written);
    }

    @Test
    void sectionsAboveTheTierAreNeverDrafted() {
        t.model().then(ArtifactType.BRIEF, new Behaviour.AnswerAllTiers());
        Project project = t.project(FOUNDER);
        List<String> drafted = new CopyOnWriteArrayList<>();
        t.pipeline().watchProject().watch(FOUNDER, project.id(), change -> change.draft()
                .filter(d -> change.type() == ArtifactType.BRIEF).ifPresent(d -> drafted.add(d.section())));

        t.pipeline().startGeneration().start(FOUNDER, new StartGeneration.Command(project.id(), false));
        t.pipeline().worker().drain();

        assertThat(drafted).isNotEmpty().doesNotContain("market_analysis", "competitive_strategy");
    }

    private static int lastIndexOf(List<ArtifactChange> changes, ArtifactChange.Kind kind) {
        int index = -1;
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).kind() == kind && changes.get(i).type() == ArtifactType.BRIEF) {
                index = i;
            }
        }
        return index;
    }
}
