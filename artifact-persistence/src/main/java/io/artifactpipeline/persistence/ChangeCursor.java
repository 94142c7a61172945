package io.artifactpipeline.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How far a server has read the change feed. Sequence numbers are handed out at insert but become
 * visible at commit, so a row with a lower number can appear after a higher one. The cursor therefore
 * re-reads recent rows for a grace period and remembers which it delivered, and only moves its floor past
 * rows seen longer ago than that.
 */
final class ChangeCursor {
    static final Duration GRACE = Duration.ofSeconds(5);

    private long floor;
    private final Map<Long, Instant> recent = new HashMap<>();

    ChangeCursor(long startAfter) {
        this.floor = startAfter;
    }

    /** Rows with a number above this may still be news. */
    synchronized long floor() {
        return floor;
    }

    /** Whether the row is new; if so, it is remembered as delivered. */
    synchronized boolean firstSighting(long seq, Instant seenAt) {
        return seq > floor && recent.putIfAbsent(seq, seenAt) == null;
    }

    /** Moves the floor up to the highest row first seen more than the grace period ago. */
    synchronized void settle(Instant now) {
        Instant settled = now.minus(GRACE);
        recent.entrySet().removeIf(entry -> {
            if (entry.getValue().isBefore(settled)) {
                floor = Math.max(floor, entry.getKey());
                return true;
            }
            return false;
        });
        // a row below the new floor that had not been seen yet will not be delivered: its commit was
        // later than the grace period allows for one insert
        recent.keySet().removeIf(seq -> seq <= floor);
    }
}
