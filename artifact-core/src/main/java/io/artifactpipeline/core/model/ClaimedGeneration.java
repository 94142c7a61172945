package io.artifactpipeline.core.model;

/** A generation a worker has claimed, with the lease its writes must show. */
public record ClaimedGeneration(Generation generation, Lease lease) {
}
