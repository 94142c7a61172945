package io.artifactpipeline.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.artifactpipeline.core.model.Artifact;

/**
 * Artifact records as JSON, written once per record the store hands out rather than once per request.
 * The store's read cache gives every poller of an unchanged artifact the same {@link Artifact} instance,
 * and writing its content out again was most of the route's own cost. Keyed by that instance (weakly,
 * compared by identity): a changed artifact is a new instance, and a record nobody holds any more is
 * dropped with it. Bounded by the bytes held.
 */
final class RenderedArtifacts {
    private static final long MAX_BYTES = 32L << 20;

    private final Cache<Artifact, byte[]> rendered = Caffeine.newBuilder()
            .weakKeys()
            .maximumWeight(MAX_BYTES)
            .weigher((Artifact artifact, byte[] json) -> json.length)
            .build();

    byte[] json(Artifact artifact) {
        return rendered.get(artifact, record -> Json.bytes(Views.artifact(record)));
    }
}
