package io.artifactpipeline.llm.http;

import java.util.Objects;

/**
 * One event of a {@code text/event-stream}: its name ({@code message} when the stream gave none) and its data,
 * the {@code data:} lines joined by newlines.
 */
public record ServerSentEvent(String event, String data) {
    public ServerSentEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(data, "data");
    }
}
