package io.artifactpipeline.llm.http;

import java.time.Duration;

/** The moment a whole model call must be over, on the monotonic clock. */
record Deadline(long endNanos) {

    static Deadline after(Duration limit) {
        return new Deadline(System.nanoTime() + limit.toNanos());
    }

    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** The wait allowed for the next piece: the idle limit, unless the deadline comes first. */
    Wait nextWait(Duration idle) {
        Duration left = remaining();
        return left.compareTo(idle) < 0 ? new Wait(left, true) : new Wait(idle, false);
    }

    /** @param endsCall whether running out of this wait is the deadline itself (so no further attempt) */
    record Wait(Duration length, boolean endsCall) {
    }
}
