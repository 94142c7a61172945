package io.artifactpipeline.core.contract;

import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.ProjectStore;
import io.artifactpipeline.core.port.UsageLedger;

/** The ports under contract, as one adapter provides them. */
public record ContractStores(ProjectStore projects, ArtifactStore artifacts, GenerationQueue queue,
                             UsageLedger usage) {
}
