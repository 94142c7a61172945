package io.artifactpipeline.core.contract;

import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.LeasedWrites;
import io.artifactpipeline.core.port.ProjectStore;
import io.artifactpipeline.core.port.UsageLedger;

/** The ports under contract, as one adapter provides them. */
public record ContractStores(ProjectStore projects, ArtifactStore artifacts, GenerationQueue queue,
                             LeasedWrites writes, UsageLedger usage) {

    /** Every store port from one object, as the in-memory and database adapters provide them. */
    public static <S extends ProjectStore & ArtifactStore & GenerationQueue & LeasedWrites> ContractStores of(
            S store, UsageLedger usage) {
        return new ContractStores(store, store, store, store, usage);
    }
}
