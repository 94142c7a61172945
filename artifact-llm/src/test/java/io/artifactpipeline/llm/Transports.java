package io.artifactpipeline.llm;

import io.artifactpipeline.llm.http.CallTimeouts;
import io.artifactpipeline.llm.http.ModelTransport;
import io.artifactpipeline.llm.http.RetryPolicy;
import io.artifactpipeline.llm.http.Sleeper;

import java.net.URI;

/** Transports for tests: the real HTTP client and retry policy, with waits recorded and jitter at its middle. */
public final class Transports {
    private Transports() {
    }

    public static ModelTransport recording(String provider, URI base, CallTimeouts timeouts, int maxConcurrency,
                                           Sleeper sleeper) {
        return new ModelTransport(provider, ModelTransport.client(base, timeouts.idle()), timeouts, maxConcurrency,
                RetryPolicy.DEFAULT, sleeper, () -> 0.5);
    }

    /** For a provider under test: the limits its settings name. */
    public static ModelTransport recording(String provider, ModelSettings settings, Sleeper sleeper) {
        return recording(provider, settings.baseUrl(), settings.callTimeouts(), 4, sleeper);
    }
}
