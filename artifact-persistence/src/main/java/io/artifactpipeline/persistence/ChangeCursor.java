package io.artifactpipeline.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * How far a server has read the change feed. Sequence numbers are handed out at insert but become
 * visible at commit, so a row with a lower number can appear after a higher one. The floor is the
 * highest number below which every row has been delivered; rows above it that were already delivered
 * are remembered. A hole in the numbers (a transaction not yet committed, or rolled back) holds the
 * floor for at most the grace period, then is given up on. Each poll re-reads only from the floor:
 * in the usual case, just the new rows.
 */
final class ChangeCursor {
    static final Duration GRACE = Duration.ofSeconds(5);

    private long floor;
    private final TreeSet<Long> deliveredAboveFloor = new TreeSet<>();
    private final Map<Long, Instant> holesNoticed = new HashMap<>();

    ChangeCursor(long startAfter) {
        this.floor = startAfter;
    }

    /** Rows with a number above this may still be news. */
    synchronized long floor() {
        return floor;
    }

    /** Whether the row is new; if so, it is remembered as delivered. */
    synchronized boolean firstSighting(long seq, Instant seenAt) {
        if (seq <= floor || !deliveredAboveFloor.add(seq)) {
            return false;
        }
        holesNoticed.remove(seq);
        return true;
    }

    /** Moves the floor over delivered rows, and over holes older than the grace period. */
    synchronized void settle(Instant now) {
        while (!deliveredAboveFloor.isEmpty()) {
            long next = floor + 1;
            if (deliveredAboveFloor.remove(next)) {
                floor = next;
                continue;
            }
            Instant noticed = holesNoticed.computeIfAbsent(next, hole -> now);
            if (Duration.between(noticed, now).compareTo(GRACE) <= 0) {
                return;
            }
            // a row whose commit came later than the grace period allows is not delivered
            holesNoticed.remove(next);
            floor = next;
        }
    }
}
