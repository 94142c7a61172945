package io.artifactpipeline.http.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Tokens whose signature and claims already held, so that a client sending the same token on every call
 * costs one signature check, not one per call. Bounded by the total length of the tokens held; an entry
 * is used only while its {@code exp} (plus the leeway) has not passed, and is dropped as soon as a key it
 * was verified with leaves the key set.
 */
final class VerifiedTokens {
    /** Total token characters held: about 16k typical tokens. */
    static final long MAX_WEIGHT = 16L * 1024 * 1024;
    /** However long a token lives, it is verified again now and then. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private record Entry(VerifiedToken token, Set<String> keys) {
    }

    private final Cache<String, Entry> entries = Caffeine.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((String token, Entry entry) -> token.length())
            .expireAfterWrite(MAX_AGE)
            .build();
    private volatile Set<String> trusted = Set.of();

    Optional<VerifiedToken> find(String token, Instant now) {
        Entry entry = entries.getIfPresent(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (now.isAfter(entry.token().expiresAt().plus(ClaimRules.LEEWAY))) {
            entries.invalidate(token);
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    void remember(String token, VerifiedToken verified, Set<String> keys) {
        entries.put(token, new Entry(verified, keys));
        if (!trusted.containsAll(keys)) { // the key set changed while this token was being verified
            entries.invalidate(token);
        }
    }

    /** The key set now holds exactly the keys with these fingerprints: forget tokens verified with others. */
    void trustOnly(Set<String> keys) {
        trusted = Set.copyOf(keys);
        entries.asMap().values().removeIf(entry -> !keys.containsAll(entry.keys()));
    }
}
