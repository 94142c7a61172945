package io.artifactpipeline.http.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The keys tokens may be signed with, as a nimbus {@link JWKSource}. Under it, a chain from
 * {@link JWKSourceBuilder}: a cache refreshed every {@link #REFRESH_PERIOD} (ahead of expiry, in the
 * background), a rate limit, and outage tolerance (the last good set is kept while the identity provider
 * is down). On top, what the builder does not do: the clock is the server's, and a token naming an unknown
 * kid may ask for a fresh read only once per {@code minRefresh} for all callers together. Every other such
 * token is refused at once instead of queueing behind a fetch, so a flood of made-up kids against a slow
 * identity provider costs one fetch a minute and delays nobody else: tokens with known keys never wait.
 */
final class TrustedKeys implements JWKSource<SecurityContext>, AutoCloseable {
    static final Duration REFRESH_PERIOD = Duration.ofMinutes(5);
    static final Duration OUTAGE_TOLERANCE = Duration.ofMinutes(30);
    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);
    /** How long callers wait for a refresh another one started: just over one whole fetch. */
    private static final Duration REFRESH_WAIT = JwksDocument.FETCH_DEADLINE.plusSeconds(1);
    private static final System.Logger LOG = System.getLogger(TrustedKeys.class.getName());

    private final JWKSetSource<SecurityContext> sets;
    private final Clock clock;
    private final long minRefreshMillis;
    private final AtomicLong nextUnknownKidRefresh;
    private final AtomicReference<Consumer<JWKSet>> onRefresh;
    private volatile List<String> lastKids = List.of();

    private TrustedKeys(JWKSetSource<SecurityContext> sets, Clock clock, Duration minRefresh,
                        AtomicReference<Consumer<JWKSet>> onRefresh) {
        this.sets = sets;
        this.clock = clock;
        this.minRefreshMillis = minRefresh.toMillis();
        this.nextUnknownKidRefresh = new AtomicLong(clock.millis() + minRefreshMillis);
        this.onRefresh = onRefresh;
    }

    /** The keys of the JWKS at {@code location}, read once now and kept fresh from then on. */
    static TrustedKeys fromJwks(String location, Clock clock, Duration minRefresh) {
        // The cache announces each new set; who listens is known only once the chain is built.
        AtomicReference<Consumer<JWKSet>> onRefresh = new AtomicReference<>(set -> { });
        JWKSource<SecurityContext> built = JWKSourceBuilder.create(JwksDocument.at(location))
                .cache(REFRESH_PERIOD.toMillis(), REFRESH_WAIT.toMillis())
                .refreshAheadCache(REFRESH_AHEAD.toMillis(), event -> {
                            if (event instanceof CachingJWKSetSource.RefreshCompletedEvent<?> done) {
                                onRefresh.get().accept(done.getJWKSet());
                            }
                        },
                        Executors.newSingleThreadExecutor(Thread.ofVirtual().name("jwks-refresh").factory()), true,
                        Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("jwks-schedule").factory()), true)
                // A backstop under the unknown-kid gate above: twice its rate, so it never starves a due refresh.
                .rateLimited(Math.max(1, minRefresh.toMillis() / 2))
                .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                .build();
        TrustedKeys keys = new TrustedKeys(((JWKSetBasedJWKSource<SecurityContext>) built).getJWKSetSource(), clock,
                minRefresh, onRefresh);
        onRefresh.set(keys::refreshed);
        try {
            keys.current();
        } catch (KeySourceException e) {
            LOG.log(Level.WARNING, "no signing keys yet (" + e.getMessage() + "); every token is refused until the "
                    + "JWKS at " + location + " can be read");
        }
        return keys;
    }

    /** Keys that never change: development auth's own key pair. */
    static TrustedKeys fixed(JWKSet set, Clock clock) {
        return new TrustedKeys(new JWKSetSource<>() {
            @Override
            public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator evaluator, long currentTime, SecurityContext context) {
                return set;
            }

            @Override
            public void close() {
                // nothing to release
            }
        }, clock, Duration.ofDays(365), new AtomicReference<>(ignored -> { }));
    }

    /** Calls {@code listener} with every newly read set (including, for a fixed set, the set itself now). */
    void onRefresh(Consumer<JWKSet> listener) {
        Objects.requireNonNull(listener);
        onRefresh.set(set -> {
            refreshed(set);
            listener.accept(set);
        });
        try {
            listener.accept(current());
        } catch (KeySourceException noSetYet) {
            // the listener hears of the first set when it is read
        }
    }

    /** The current set, read again first when the refresh period has passed. */
    JWKSet current() throws KeySourceException {
        return sets.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), clock.millis(), null);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        long now = clock.millis();
        JWKSet known = sets.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
        List<JWK> found = selector.select(known);
        if (found.isEmpty() && mayLookAgain(now)) {
            found = selector.select(sets.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(known), now, context));
        }
        return found;
    }

    /** Stops the background refreshes. */
    @Override
    public void close() {
        try {
            sets.close();
        } catch (java.io.IOException e) {
            LOG.log(Level.WARNING, "could not stop refreshing the JWKS: " + e.getMessage());
        }
    }

    private boolean mayLookAgain(long now) {
        long next = nextUnknownKidRefresh.get();
        return now >= next && nextUnknownKidRefresh.compareAndSet(next, now + minRefreshMillis);
    }

    private void refreshed(JWKSet set) {
        List<String> kids = set.getKeys().stream().map(k -> String.valueOf(k.getKeyID())).sorted().toList();
        if (!kids.equals(lastKids)) {
            lastKids = kids;
            LOG.log(Level.INFO, "JWKS read: signing keys " + kids);
        }
    }
}
