package io.artifactpipeline.http.security;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {
    private final Actor carol = new Actor(new UserId("carol"), Tier.PARTNER);
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aTokenIsFoundUntilItsExpiryPlusTheLeeway() {
        VerifiedTokens tokens = new VerifiedTokens();
        tokens.trustOnly(Set.of("key-a"));
        tokens.remember("t1", new VerifiedToken(carol, now.plusSeconds(10)), Set.of("key-a"));

        assertThat(tokens.find("t1", now)).map(VerifiedToken::actor).contains(carol);
        assertThat(tokens.find("t1", now.plusSeconds(10).plus(ClaimRules.LEEWAY))).map(VerifiedToken::actor).contains(carol);
        assertThat(tokens.find("t1", now.plusSeconds(11).plus(ClaimRules.LEEWAY))).isEmpty();
        assertThat(tokens.find("t1", now)).as("an expired entry is dropped, not kept for a clock going back").isEmpty();
        assertThat(tokens.find("never-seen", now)).isEmpty();
    }

    @Test
    void aKeyLeavingTheSetDropsItsTokensAndOnlyThose() {
        VerifiedTokens tokens = new VerifiedTokens();
        tokens.trustOnly(Set.of("key-a", "key-b"));
        tokens.remember("signed-by-a", new VerifiedToken(carol, now.plus(Duration.ofHours(1))), Set.of("key-a"));
        tokens.remember("signed-by-b", new VerifiedToken(carol, now.plus(Duration.ofHours(1))), Set.of("key-b"));

        tokens.trustOnly(Set.of("key-b", "key-c"));
        assertThat(tokens.find("signed-by-a", now)).isEmpty();
        assertThat(tokens.find("signed-by-b", now)).map(VerifiedToken::actor).contains(carol);
    }

    @Test
    void aTokenVerifiedWithAKeyNoLongerTrustedIsNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens();
        tokens.trustOnly(Set.of("key-b"));
        tokens.remember("raced", new VerifiedToken(carol, now.plus(Duration.ofHours(1))), Set.of("key-a"));
        assertThat(tokens.find("raced", now)).isEmpty();
    }
}
