package io.artifactpipeline.llm.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A streamed answer that went wrong after its 200: an error event from the provider (Anthropic's
 * {@code overloaded_error} in the middle of a message), or a stream that ended before the answer was complete.
 * The transport decides, as for an HTTP status, whether another attempt can help.
 */
public final class StreamFailure extends RuntimeException {
    private final transient JsonNode error;

    private StreamFailure(String message, JsonNode error) {
        super(message, null, false, false);
        this.error = error;
    }

    /** The provider's error object ({@code {"type": "overloaded_error", ...}}) sent as an event. */
    public static StreamFailure errorEvent(JsonNode error) {
        return new StreamFailure("an error event in the stream", error == null ? NullNode.getInstance() : error);
    }

    /** The connection ended, or the server closed the stream, before the answer's last event. */
    public static StreamFailure cutShort() {
        return new StreamFailure("the stream ended before the answer was complete", null);
    }

    JsonNode error() {
        return error;
    }

    boolean isCutShort() {
        return error == null;
    }
}
