package io.artifactpipeline.persistence;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeCursorTest {
    private final Instant t0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aRowThatCommitsAfterAHigherNumberedOneIsStillDelivered() {
        ChangeCursor cursor = new ChangeCursor(10);
        assertThat(cursor.firstSighting(12, t0)).isTrue();
        cursor.settle(t0);
        assertThat(cursor.floor()).isEqualTo(10);
        assertThat(cursor.firstSighting(11, t0.plusMillis(150))).isTrue();
        assertThat(cursor.firstSighting(12, t0.plusMillis(150))).isFalse();
        cursor.settle(t0.plusMillis(150));
        assertThat(cursor.floor()).isEqualTo(12);
    }

    @Test
    void theFloorFollowsContiguousRowsAtOnceSoPollsReadOnlyNewRows() {
        ChangeCursor cursor = new ChangeCursor(0);
        for (long seq = 1; seq <= 1_000; seq++) {
            assertThat(cursor.firstSighting(seq, t0)).isTrue();
        }
        cursor.settle(t0);
        assertThat(cursor.floor()).isEqualTo(1_000);
    }

    @Test
    void aHoleHoldsTheFloorForTheGracePeriodOnly() {
        ChangeCursor cursor = new ChangeCursor(0);
        cursor.firstSighting(1, t0);
        cursor.firstSighting(3, t0);
        cursor.settle(t0);
        assertThat(cursor.floor()).isEqualTo(1);
        cursor.settle(t0.plus(ChangeCursor.GRACE));
        assertThat(cursor.floor()).isEqualTo(1);
        cursor.settle(t0.plus(ChangeCursor.GRACE).plusMillis(1));
        assertThat(cursor.floor()).isEqualTo(3);
        assertThat(cursor.firstSighting(2, t0.plusSeconds(6))).isFalse();
        assertThat(cursor.firstSighting(3, t0.plusSeconds(6))).isFalse();
    }

    @Test
    void rowsAtOrBelowTheStartAreNeverNews() {
        ChangeCursor cursor = new ChangeCursor(5);
        assertThat(cursor.firstSighting(5, t0)).isFalse();
        assertThat(cursor.firstSighting(3, t0)).isFalse();
        assertThat(cursor.firstSighting(6, t0)).isTrue();
    }
}
