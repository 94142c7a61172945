package io.artifactpipeline.core.port;

import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.Lease;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.UsageSettlement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The only way a worker writes: every write shows the {@link Lease} of its claim, and a lease that
 * expired or was taken over is refused with {@link io.artifactpipeline.core.error.LeaseLostException},
 * so a worker that lost its claim cannot change anything (fencing).
 *
 * <p>Whether a lease has expired is judged by the store's clock: a store shared by several servers (a
 * database) uses its own time, not the {@code now} its callers pass, so that a server whose clock is
 * skewed can neither outlive its lease nor cut another's short. A store that lives in one process uses
 * {@code now}, the only clock there is.
 */
public interface LeasedWrites {

    /** Extends a lease still held; refuses a lost one. */
    Lease renew(Lease lease, Instant now, Duration leaseLength);

    /**
     * Stores content the model wrote: every field of the artifact except annotations (which founders may
     * add meanwhile), the revision, and the generation item as succeeded. Settles the given calls in
     * {@link #usageLedger()} in the same step: whether or not the write is refused, since they were billed.
     *
     * @return the artifact as saved
     */
    Artifact recordWritten(Lease lease, Artifact written, Revision revision, List<UsageSettlement> calls, Instant now);

    /**
     * Stores an artifact's failure (its status and error) and the generation item as failed; settles the
     * given calls as {@link #recordWritten} does.
     */
    Artifact recordFailed(Lease lease, Artifact failed, List<UsageSettlement> calls, Instant now);

    /** Concludes the generation from its items and releases the lease. */
    Generation finish(Lease lease, Instant now);

    /** Hands a generation back unfinished (graceful shutdown): any worker may claim it at once. */
    void release(Lease lease);

    /**
     * The ledger the writes settle calls in. When the token budget keeps its reservations in the same
     * ledger, a worker settles each call with the write that follows it instead of separately.
     */
    UsageLedger usageLedger();
}
