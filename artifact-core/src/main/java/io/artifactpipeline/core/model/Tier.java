package io.artifactpipeline.core.model;

import java.util.Arrays;

/** A user's plan: which section levels they get and how many model tokens they may spend per UTC day. */
public enum Tier {
    BOOTSTRAPPER("bootstrapper", SectionLevel.CORE, 500_000),
    PARTNER("partner", SectionLevel.BUSINESS, 2_000_000),
    CTO_SCALE("cto_scale", SectionLevel.STRATEGIC, 10_000_000);

    private final String wireName;
    private final SectionLevel highestLevel;
    private final long dailyTokenBudget;

    Tier(String wireName, SectionLevel highestLevel, long dailyTokenBudget) {
        this.wireName = wireName;
        this.highestLevel = highestLevel;
        this.dailyTokenBudget = dailyTokenBudget;
    }

    public String wireName() {
        return wireName;
    }

    public long dailyTokenBudget() {
        return dailyTokenBudget;
    }

    public boolean includes(SectionLevel level) {
        return level.compareTo(highestLevel) <= 0;
    }

    /** The tier named by a token claim; a missing or unknown name is the default tier. */
    public static Tier fromWireNameOrDefault(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst().orElse(BOOTSTRAPPER);
    }
}
