package io.artifactpipeline.llm.http;

import io.artifactpipeline.core.port.ModelFailure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The one layer that talks HTTP to a model server and the only one that retries. Answers are streamed: each
 * attempt may stay silent for at most the idle limit (before the response and between pieces of it), and the
 * whole call, attempts and waits together, ends at its deadline; no wait between attempts goes past it. Each
 * attempt holds a permit of a fair semaphore, so a burst of generations queues here instead of tripping the
 * provider's rate limit; waiting between attempts does not hold a permit. Nothing here logs or reports
 * headers, so the key stays out of logs and messages.
 */
public final class ModelTransport {
    private static final System.Logger LOG = System.getLogger(ModelTransport.class.getName());
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String provider;
    private final CallTimeouts timeouts;
    private final StreamAttempt attempts;
    private final Semaphore inFlight;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * @param provider       name used in failure messages and logs
     * @param maxConcurrency attempts in flight at once through this transport
     */
    public ModelTransport(String provider, HttpClient client, CallTimeouts timeouts, int maxConcurrency,
                          RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.attempts = new StreamAttempt(provider, Objects.requireNonNull(client, "client"), timeouts);
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("at least one call must be allowed in flight");
        }
        this.inFlight = new Semaphore(maxConcurrency, true);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A transport with the default retry policy, real sleeping and a client suited to the server's URL. */
    public static ModelTransport create(String provider, URI baseUrl, CallTimeouts timeouts, int maxConcurrency) {
        return new ModelTransport(provider, client(baseUrl, timeouts.idle()), timeouts, maxConcurrency,
                RetryPolicy.DEFAULT, Sleeper.REAL, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * An HTTP client for one server. Plain-http servers (a local Ollama, vLLM) get HTTP/1.1, because the
     * h2c upgrade the JDK attempts otherwise is something some of them mishandle; https negotiates HTTP/2.
     */
    public static HttpClient client(URI baseUrl, Duration idle) {
        Duration connect = idle.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? idle : MAX_CONNECT_TIMEOUT;
        return HttpClient.newBuilder()
                .version("https".equals(baseUrl.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * POSTs a JSON body that asks for a streamed answer and returns what the reader made of the first complete
     * one. Each attempt gets a fresh reader from {@code readers}.
     *
     * @throws ModelFailure when no attempt succeeded, with the reason of the last one, or at once when the
     *                      reader finds a complete answer unusable
     */
    public <T> T stream(URI uri, Map<String, String> headers, String body, Supplier<? extends StreamReader<T>> readers) {
        Deadline deadline = Deadline.after(timeouts.whole());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .header("content-type", "application/json")
                .header("accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            AttemptFailure failure;
            switch (attempt(request, readers.get(), deadline)) {
                case StreamAttempt.Outcome.Answered<T> answered -> {
                    return answered.answer();
                }
                case StreamAttempt.Outcome.Failed<T> failed -> failure = failed.failure();
            }
            if (!failure.retryable() || attempt >= policy.maxAttempts()) {
                throw failure.toModelFailure(attempt);
            }
            Duration wait = policy.delayAfter(attempt, failure.retryAfter(), random);
            if (wait.compareTo(deadline.remaining()) >= 0) {
                throw failure.finalBecause("no time left for another attempt within the call's limit of "
                        + HttpFailures.describe(timeouts.whole())).toModelFailure(attempt);
            }
            LOG.log(System.Logger.Level.INFO, "model call to {0} failed: {1}; attempt {2} of {3} in {4} ms",
                    provider, failure.message(), String.valueOf(attempt + 1), String.valueOf(policy.maxAttempts()),
                    String.valueOf(wait.toMillis()));
            pause(wait);
        }
    }

    private <T> StreamAttempt.Outcome<T> attempt(HttpRequest request, StreamReader<T> reader, Deadline deadline) {
        try {
            if (!inFlight.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
                return new StreamAttempt.Outcome.Failed<>(AttemptFailure.giveUp(ModelFailure.Reason.TIMEOUT,
                        "no free slot for a call to the " + provider + " provider within the call's limit of "
                                + HttpFailures.describe(timeouts.whole())));
            }
        } catch (InterruptedException e) {
            throw interrupted();
        }
        try {
            return attempts.run(request, reader, deadline);
        } catch (InterruptedException e) {
            throw interrupted();
        } finally {
            inFlight.release();
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    /** Keeps the thread's interrupt flag: whoever interrupted it (a shutdown) must still see it. */
    private ModelFailure interrupted() {
        Thread.currentThread().interrupt();
        return new ModelFailure(ModelFailure.Reason.UNAVAILABLE, "the call to the " + provider + " provider was interrupted");
    }
}
