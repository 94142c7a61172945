package io.artifactpipeline.core.model;

/** How far up the tiers a section sits: core sections are in every tier, strategic only in the top one. */
public enum SectionLevel {
    CORE, BUSINESS, STRATEGIC
}
