package io.artifactpipeline.core.model;

import org.junit.jupiter.api.Test;

import static io.artifactpipeline.core.model.SectionLevel.BUSINESS;
import static io.artifactpipeline.core.model.SectionLevel.CORE;
import static io.artifactpipeline.core.model.SectionLevel.STRATEGIC;
import static org.assertj.core.api.Assertions.assertThat;

class TierTest {

    @Test
    void bootstrapperGetsCoreSectionsOnly() {
        assertThat(Tier.BOOTSTRAPPER.includes(CORE)).isTrue();
        assertThat(Tier.BOOTSTRAPPER.includes(BUSINESS)).isFalse();
        assertThat(Tier.BOOTSTRAPPER.includes(STRATEGIC)).isFalse();
    }

    @Test
    void partnerGetsCoreAndBusinessSections() {
        assertThat(Tier.PARTNER.includes(CORE)).isTrue();
        assertThat(Tier.PARTNER.includes(BUSINESS)).isTrue();
        assertThat(Tier.PARTNER.includes(STRATEGIC)).isFalse();
    }

    @Test
    void ctoScaleGetsEverySection() {
        assertThat(Tier.CTO_SCALE.includes(CORE)).isTrue();
        assertThat(Tier.CTO_SCALE.includes(BUSINESS)).isTrue();
        assertThat(Tier.CTO_SCALE.includes(STRATEGIC)).isTrue();
    }

    @Test
    void dailyBudgetsAreThoseOfTheSpec() {
        assertThat(Tier.BOOTSTRAPPER.dailyTokenBudget()).isEqualTo(500_000);
        assertThat(Tier.PARTNER.dailyTokenBudget()).isEqualTo(2_000_000);
        assertThat(Tier.CTO_SCALE.dailyTokenBudget()).isEqualTo(10_000_000);
    }

    @Test
    void aClaimNamesTheTierAndAMissingOrUnknownOneIsBootstrapper() {
        assertThat(Tier.fromWireNameOrDefault("partner")).isEqualTo(Tier.PARTNER);
        assertThat(Tier.fromWireNameOrDefault("cto_scale")).isEqualTo(Tier.CTO_SCALE);
        assertThat(Tier.fromWireNameOrDefault("bootstrapper")).isEqualTo(Tier.BOOTSTRAPPER);
        assertThat(Tier.fromWireNameOrDefault(null)).isEqualTo(Tier.BOOTSTRAPPER);
        assertThat(Tier.fromWireNameOrDefault("enterprise")).isEqualTo(Tier.BOOTSTRAPPER);
    }
}
