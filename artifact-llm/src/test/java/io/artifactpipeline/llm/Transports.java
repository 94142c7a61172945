package io.artifactpipeline.llm;

import io.artifactpipeline.llm.http.ModelTransport;
import io.artifactpipeline.llm.http.RetryPolicy;
import io.artifactpipeline.llm.http.Sleeper;

import java.net.URI;
import java.time.Duration;

/** Transports for tests: the real HTTP client and retry policy, with waits recorded instead of slept. */
public final class Transports {
    private Transports() {
    }

    public static ModelTransport recording(String provider, URI base, Duration timeout, int maxConcurrency,
                                           Sleeper sleeper) {
        return new ModelTransport(provider, ModelTransport.client(base, timeout), timeout, maxConcurrency,
                RetryPolicy.DEFAULT, sleeper, () -> 0.5);
    }
}
