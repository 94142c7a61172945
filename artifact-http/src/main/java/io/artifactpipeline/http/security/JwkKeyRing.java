package io.artifactpipeline.http.security;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The current signing keys, re-read when a token names a key not yet known, so that rotating keys at
 * the identity provider needs no restart. Re-reads are throttled: a flood of tokens with made-up kids
 * must not turn into a flood of requests to the identity provider.
 */
final class JwkKeyRing {
    static final Duration DEFAULT_MIN_REFRESH = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(JwkKeyRing.class.getName());

    private final JwksSource source;
    private final Clock clock;
    private final Duration minRefresh;
    private volatile JwkSet keys = JwkSet.EMPTY;
    private Instant lastRead; // guarded by this

    JwkKeyRing(JwksSource source, Clock clock, Duration minRefresh) {
        this.source = source;
        this.clock = clock;
        this.minRefresh = minRefresh;
        synchronized (this) {
            reread(clock.instant());
        }
    }

    Optional<JwkSet.Key> find(String kid, JwsAlgorithm algorithm) {
        JwkSet current = keys;
        Optional<JwkSet.Key> key = current.find(kid, algorithm);
        if (key.isPresent()) {
            return key;
        }
        synchronized (this) {
            if (keys != current) { // another thread re-read meanwhile
                return keys.find(kid, algorithm);
            }
            Instant now = clock.instant();
            if (lastRead != null && now.isBefore(lastRead.plus(minRefresh))) {
                return Optional.empty();
            }
            reread(now);
            return keys.find(kid, algorithm);
        }
    }

    private void reread(Instant now) {
        lastRead = now;
        try {
            JwkSet read = JwkSet.parse(source.read());
            keys = read;
            LOG.log(Level.INFO, "read {0} usable signing key(s) from the JWKS", read.size());
        } catch (IOException | RuntimeException e) {
            // Keep the keys we had: an identity provider hiccup must not log everybody out.
            LOG.log(Level.WARNING, "could not read the JWKS; keeping the previous keys: " + e.getMessage());
        }
    }
}
