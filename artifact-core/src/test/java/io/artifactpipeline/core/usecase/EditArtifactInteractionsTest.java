package io.artifactpipeline.core.usecase;

import com.fasterxml.jackson.databind.node.TextNode;
import io.artifactpipeline.core.error.ArtifactBusyException;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.testing.SampleContent;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** How an edit talks to its ports: save first, then tell watchers; a refused edit tells nobody. */
class EditArtifactInteractionsTest {
    private static final Instant NOW = Instant.parse("2025-03-14T21:30:00Z");

    private final ArtifactStore store = mock(ArtifactStore.class);
    private final ArtifactEvents events = mock(ArtifactEvents.class);
    private final EditArtifact editArtifact = new EditArtifact(store, events, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Artifact brief = Artifact.awaitingFirstGeneration(new ArtifactId(UUID.randomUUID()),
                    new ProjectId(UUID.randomUUID()), ArtifactType.BRIEF, 1, NOW)
            .withGeneratedContent(SampleContent.forTier(ArtifactType.BRIEF, Tier.BOOTSTRAPPER), 1, NOW);

    @Test
    void anEditIsSavedWithItsRevisionAndThenPublished() {
        when(store.ownedArtifact(ALICE.userId(), brief.id())).thenReturn(brief);
        when(store.saveEdit(any(), anyLong(), any())).thenAnswer(call -> call.getArgument(0));

        editArtifact.edit(ALICE, EditArtifact.Command.of(brief.id(), "target_user", TextNode.valueOf("Chains")));

        InOrder order = inOrder(store, events);
        order.verify(store).saveEdit(argThat(a -> a.currentContent().get("target_user").asText().equals("Chains")),
                eq(brief.rowVersion()), any(Revision.class));
        order.verify(events).publish(argThat(change -> change.kind() == ArtifactChange.Kind.EDITED
                && change.artifactId().equals(brief.id())));
    }

    @Test
    void anEditDuringGenerationIsRefusedWithoutWritingOrPublishing() {
        when(store.ownedArtifact(ALICE.userId(), brief.id())).thenReturn(brief.markedGenerating(NOW));

        assertThatThrownBy(() -> editArtifact.edit(ALICE,
                EditArtifact.Command.of(brief.id(), "target_user", TextNode.valueOf("Chains"))))
                .isInstanceOf(ArtifactBusyException.class);

        verify(store, never()).saveEdit(any(), anyLong(), any());
        verifyNoInteractions(events);
    }
}
