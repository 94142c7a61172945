package io.artifactpipeline.llm.http;

import io.artifactpipeline.core.port.ModelFailure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange of a streamed model call: waits for the response head and then for each piece of the body,
 * never longer than the idle limit nor past the call's deadline, and feeds the events to the provider's reader.
 * An error status is read as a (short) body and judged by {@link HttpFailures}.
 */
final class StreamAttempt {
    /** An error body longer than this is not an error body worth reading. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final String provider;
    private final HttpClient client;
    private final CallTimeouts timeouts;

    StreamAttempt(String provider, HttpClient client, CallTimeouts timeouts) {
        this.provider = provider;
        this.client = client;
        this.timeouts = timeouts;
    }

    sealed interface Outcome<T> {
        record Answered<T>(T answer) implements Outcome<T> {
        }

        record Failed<T>(AttemptFailure failure) implements Outcome<T> {
        }
    }

    <T> Outcome<T> run(HttpRequest request, StreamReader<T> reader, Deadline deadline) throws InterruptedException {
        CompletableFuture<HttpResponse<StreamingBody>> future = client.sendAsync(request, info -> new StreamingBody());
        Deadline.Wait head = deadline.nextWait(timeouts.idle());
        HttpResponse<StreamingBody> response;
        try {
            response = future.get(head.length().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome.Failed<>(silence(head));
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            IOException io = e.getCause() instanceof IOException cause ? cause : new IOException("the exchange failed", e.getCause());
            return new Outcome.Failed<>(HttpFailures.fromException(provider, io));
        }
        try (StreamingBody body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                String text = errorBody(body, deadline);
                return new Outcome.Failed<>(HttpFailures.fromResponse(provider, response.statusCode(), response.headers(), text));
            }
            String type = response.headers().firstValue("content-type").orElse("text/event-stream");
            if (!type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
                throw new ModelFailure(ModelFailure.Reason.MALFORMED_OUTPUT, "the " + provider
                        + " provider answered with " + type.split(";")[0] + " instead of an event stream");
            }
            return read(body, reader, deadline);
        } catch (StreamFailure failure) {
            return new Outcome.Failed<>(failure.isCutShort()
                    ? HttpFailures.cutShort(provider)
                    : HttpFailures.fromStreamError(provider, failure.error()));
        } catch (TimedOut e) {
            return new Outcome.Failed<>(silence(e.wait));
        } catch (IOException e) {
            return new Outcome.Failed<>(HttpFailures.fromException(provider, e));
        }
    }

    private <T> Outcome<T> read(StreamingBody body, StreamReader<T> reader, Deadline deadline)
            throws IOException, InterruptedException, TimedOut {
        EventStreamParser parser = new EventStreamParser();
        while (!reader.finished()) {
            byte[] bytes = next(body, deadline);
            if (bytes == null) {
                break;
            }
            for (ServerSentEvent event : parser.feed(bytes)) {
                reader.accept(event);
                if (reader.finished()) {
                    break;
                }
            }
        }
        return new Outcome.Answered<>(reader.result());
    }

    private String errorBody(StreamingBody body, Deadline deadline) throws IOException, InterruptedException, TimedOut {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (byte[] bytes = next(body, deadline); bytes != null && text.size() < MAX_ERROR_BODY; bytes = next(body, deadline)) {
            text.write(bytes);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    private byte[] next(StreamingBody body, Deadline deadline) throws IOException, InterruptedException, TimedOut {
        Deadline.Wait wait = deadline.nextWait(timeouts.idle());
        try {
            return body.next(wait.length());
        } catch (TimeoutException e) {
            throw new TimedOut(wait);
        }
    }

    private AttemptFailure silence(Deadline.Wait wait) {
        return wait.endsCall()
                ? HttpFailures.outOfTime(provider, timeouts.whole())
                : HttpFailures.silent(provider, timeouts.idle());
    }

    /** Nothing arrived within a wait; which limit ran out decides whether another attempt may follow. */
    private static final class TimedOut extends Exception {
        private final transient Deadline.Wait wait;

        TimedOut(Deadline.Wait wait) {
            super(null, null, false, false);
            this.wait = wait;
        }
    }
}
