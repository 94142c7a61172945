package io.artifactpipeline.http.observe;

import java.util.Optional;

/**
 * The request a thread is serving, for log lines: the HTTP layer sets it for the length of a request (on
 * the request's own thread, where its handlers and their log calls run), and a log format reads it.
 */
public final class LogContext {
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    private LogContext() {
    }

    /** The id of the request the current thread is serving, if any. */
    public static Optional<String> requestId() {
        return Optional.ofNullable(REQUEST_ID.get());
    }

    /** Sets the request id until the returned scope is closed; then the previous one is back. */
    public static Scope withRequestId(String id) {
        String previous = REQUEST_ID.get();
        REQUEST_ID.set(id);
        return () -> {
            if (previous == null) {
                REQUEST_ID.remove();
            } else {
                REQUEST_ID.set(previous);
            }
        };
    }

    /** A request id in force; closing it restores what was there before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
