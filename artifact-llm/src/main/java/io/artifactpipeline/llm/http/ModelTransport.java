package io.artifactpipeline.llm.http;

import io.artifactpipeline.core.port.ModelFailure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;

/**
 * The one layer that talks HTTP to a model server and the only one that retries. Each attempt holds a permit
 * of a fair semaphore, so a burst of generations queues here instead of tripping the provider's rate limit;
 * waiting between attempts does not hold a permit. Each attempt is bounded by the call timeout, headers and
 * body alike. Nothing here logs or reports headers, so the key stays out of logs and messages.
 */
public final class ModelTransport {
    private static final System.Logger LOG = System.getLogger(ModelTransport.class.getName());
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String provider;
    private final HttpClient client;
    private final Duration timeout;
    private final Semaphore inFlight;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * @param provider       name used in failure messages and logs
     * @param timeout        bound on each attempt
     * @param maxConcurrency attempts in flight at once through this transport
     */
    public ModelTransport(String provider, HttpClient client, Duration timeout, int maxConcurrency, RetryPolicy policy,
                          Sleeper sleeper, DoubleSupplier random) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("at least one call must be allowed in flight");
        }
        this.inFlight = new Semaphore(maxConcurrency, true);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A transport with the default retry policy, real sleeping and a client suited to the server's URL. */
    public static ModelTransport create(String provider, URI baseUrl, Duration timeout, int maxConcurrency) {
        return new ModelTransport(provider, client(baseUrl, timeout), timeout, maxConcurrency, RetryPolicy.DEFAULT,
                Sleeper.REAL, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * An HTTP client for one server. Plain-http servers (a local Ollama, vLLM) get HTTP/1.1, because the
     * h2c upgrade the JDK attempts otherwise is something some of them mishandle; https negotiates HTTP/2.
     */
    public static HttpClient client(URI baseUrl, Duration timeout) {
        Duration connect = timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT;
        return HttpClient.newBuilder()
                .version("https".equals(baseUrl.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * POSTs a JSON body and returns the body of the first successful (2xx) answer.
     *
     * @throws ModelFailure when no attempt succeeded, with the reason of the last one
     */
    public String postJson(URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            AttemptFailure failure;
            switch (attempt(request)) {
                case Outcome.Answered answered -> {
                    return answered.body();
                }
                case Outcome.Failed failed -> failure = failed.failure();
            }
            if (!failure.retryable() || attempt >= policy.maxAttempts()) {
                throw failure.toModelFailure(attempt);
            }
            Duration wait = policy.delayAfter(attempt, failure.retryAfter(), random);
            LOG.log(System.Logger.Level.INFO, "model call to {0} failed: {1}; attempt {2} of {3} in {4} ms",
                    provider, failure.message(), String.valueOf(attempt + 1), String.valueOf(policy.maxAttempts()),
                    String.valueOf(wait.toMillis()));
            pause(wait);
        }
    }

    private sealed interface Outcome {
        record Answered(String body) implements Outcome {
        }

        record Failed(AttemptFailure failure) implements Outcome {
        }
    }

    private Outcome attempt(HttpRequest request) {
        try {
            HttpResponse<String> response = sendBounded(request);
            if (response.statusCode() / 100 == 2) {
                return new Outcome.Answered(response.body());
            }
            return new Outcome.Failed(
                    HttpFailures.fromResponse(provider, response.statusCode(), response.headers(), response.body()));
        } catch (IOException e) {
            return new Outcome.Failed(HttpFailures.fromException(provider, e, timeout));
        }
    }

    private HttpResponse<String> sendBounded(HttpRequest request) throws IOException {
        acquirePermit();
        try {
            CompletableFuture<HttpResponse<String>> future =
                    client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            try {
                // The request timeout covers the wait for headers; this also bounds a body that stalls.
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw new HttpTimeoutException("no complete answer within the call timeout");
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw interrupted();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException("the HTTP exchange failed", e.getCause());
            }
        } finally {
            inFlight.release();
        }
    }

    private void acquirePermit() {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
    }

    private ModelFailure interrupted() {
        return new ModelFailure(ModelFailure.Reason.UNAVAILABLE, "the call to the " + provider + " provider was interrupted");
    }
}
