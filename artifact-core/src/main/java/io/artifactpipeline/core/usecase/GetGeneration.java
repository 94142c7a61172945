package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.port.GenerationQueue;

/** One of the caller's generations, with the state of each artifact it writes. */
public final class GetGeneration {
    private final GenerationQueue generations;

    public GetGeneration(GenerationQueue generations) {
        this.generations = generations;
    }

    public Generation get(Actor actor, GenerationId id) {
        return generations.findGeneration(actor.userId(), id).orElseThrow(() -> new NotFoundException("generation"));
    }
}
