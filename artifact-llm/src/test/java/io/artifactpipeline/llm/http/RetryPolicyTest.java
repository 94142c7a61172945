package io.artifactpipeline.llm.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.DEFAULT;

    @Test
    void backoffIsFullJitterUnderADoublingCeiling() {
        assertThat(policy.delayAfter(1, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ZERO);
        assertThat(policy.delayAfter(1, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(1, Optional.empty(), () -> 0.999)).isBetween(Duration.ofMillis(998), Duration.ofSeconds(1));
        assertThat(policy.delayAfter(2, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(3, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(30, Optional.empty(), () -> 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aReasonableRequestedWaitWinsAndAnUnreasonableOneIsIgnored() {
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(2)), () -> 0.9)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(60)), () -> 0.9)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofMinutes(5)), () -> 0.5)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(1, Optional.of(Duration.ZERO), () -> 0.5)).isEqualTo(Duration.ofMillis(500));
    }
}
