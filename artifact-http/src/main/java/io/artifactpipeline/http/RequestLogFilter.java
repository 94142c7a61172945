package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.http.observe.LogContext;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the client's {@code X-Request-Id} when it is sane, else a new one), echoes
 * it in the response, puts it in the {@link LogContext} of every log line the request writes, and, unless
 * switched off, writes one access-log line when the request ends.
 */
final class RequestLogFilter implements Filter {
    static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    /** The logger of the access lines, so that they can be routed or silenced on their own. */
    static final String ACCESS_LOGGER = "io.artifactpipeline.http.access";
    // A client's id goes into log lines and headers: no spaces, quotes or line breaks, and not too long.
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");
    private static final System.Logger ACCESS = System.getLogger(ACCESS_LOGGER);

    private final boolean accessLog;

    RequestLogFilter(boolean accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String id = request.headers().first(REQUEST_ID).filter(value -> SANE_ID.matcher(value).matches())
                .orElseGet(RequestLogFilter::newId);
        response.header(REQUEST_ID, id);
        long start = System.nanoTime();
        try (LogContext.Scope ignored = LogContext.withRequestId(id)) {
            try {
                chain.proceed();
            } finally {
                if (accessLog) {
                    logAccess(request, response, (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
    }

    /**
     * A random (version 4) UUID from the thread's fast generator: a request id only has to be unique, not
     * unguessable, and {@link UUID#randomUUID()} reads the operating system's secure source on every call
     * (a tenth of the access log's cost under load).
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    private static void logAccess(RoutingRequest request, RoutingResponse response, long millis) {
        Optional<String> user = request.context().get(Actor.class).map(actor -> printable(actor.userId().value()));
        // The raw path: decoded, it could carry line breaks into the log; the query is left out (it may hold secrets).
        ACCESS.log(Level.INFO, request.prologue().method().text() + " " + request.prologue().uriPath().rawPath()
                + " " + response.status().code() + " " + millis + "ms" + user.map(u -> " user=" + u).orElse(""));
    }

    /** A user id comes from a token: whatever it holds, it stays on one line. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 256));
        text.codePoints().limit(256).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
