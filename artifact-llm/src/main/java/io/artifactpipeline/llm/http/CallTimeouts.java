package io.artifactpipeline.llm.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The two limits of a streamed model call. A long answer that keeps arriving is never cut short by the idle
 * limit; a stream that goes quiet fails after it, and is tried again while the whole-call limit allows.
 *
 * @param idle  longest silence allowed: before the response starts, and between two pieces of it
 * @param whole ceiling of one call, every attempt and every wait between attempts included
 */
public record CallTimeouts(Duration idle, Duration whole) {
    public CallTimeouts {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(whole, "whole");
        if (!idle.isPositive() || !whole.isPositive()) {
            throw new IllegalArgumentException("both model call limits must be positive");
        }
    }
}
