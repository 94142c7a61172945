/**
 * The storage adapter: the core's project, artifact, generation-queue, usage and live-change ports on a
 * relational database, on PostgreSQL or, embedded, H2. Founders' changes and history go through Hibernate 7;
 * the statements every poll and every generation makes are plain JDBC ({@code ArtifactRows},
 * {@code ProjectRows}, {@code GenerationRows}, {@code FencedWrites}, the claim and the budget), where the
 * ORM's sessions and entity loading were most of the cost. The polled reads are also cached in memory
 * ({@code ArtifactReadCache}).
 * <p>
 * The one entry point is {@link io.artifactpipeline.persistence.JpaStorage#open}, given
 * {@link io.artifactpipeline.persistence.DatabaseSettings}. Flyway owns the schema
 * ({@code db/migration/common} plus {@code db/migration/postgresql} or {@code h2}); Hibernate only
 * validates its mapping against it. The rules that must hold across servers are enforced by the
 * database: a unique column for the one active generation per project, a version column for optimistic
 * locking, {@code FOR UPDATE SKIP LOCKED} for claims, and a row lock plus fencing token check for every
 * write a worker makes. Database failures become the core's errors in one place, {@code StoreErrors}.
 */
package io.artifactpipeline.persistence;
