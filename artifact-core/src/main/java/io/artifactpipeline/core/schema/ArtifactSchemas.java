package io.artifactpipeline.core.schema;

import io.artifactpipeline.core.model.ArtifactType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.artifactpipeline.core.model.SectionLevel.BUSINESS;
import static io.artifactpipeline.core.model.SectionLevel.CORE;
import static io.artifactpipeline.core.model.SectionLevel.STRATEGIC;
import static io.artifactpipeline.core.schema.Shape.MAX_ITEMS;
import static io.artifactpipeline.core.schema.Shape.choice;
import static io.artifactpipeline.core.schema.Shape.field;
import static io.artifactpipeline.core.schema.Shape.listOf;
import static io.artifactpipeline.core.schema.Shape.record;
import static io.artifactpipeline.core.schema.Shape.text;
import static io.artifactpipeline.core.schema.Shape.texts;
import static io.artifactpipeline.core.schema.Shape.whole;

/**
 * The content of every artifact type, declared once (ARTIFACTS.md). A new type is one more declaration
 * here plus its prompt; validation, tier filtering and model schemas all follow from it.
 */
public final class ArtifactSchemas {
    /** Bumped whenever a declaration changes; stored with content so old content stays readable. */
    public static final int CURRENT_VERSION = 1;

    private static final Shape PRIORITY = choice("high", "medium", "low");
    private static final Shape RISKS = listOf(record(
            field("title", text()),
            field("description", text()),
            field("severity", PRIORITY),
            field("mitigation", text())), 0, MAX_ITEMS);

    private static final Map<ArtifactType, ArtifactSchema> SCHEMAS = new EnumMap<>(Map.of(
            ArtifactType.BRIEF, declare(ArtifactType.BRIEF, List.of(
                    new SectionSpec("problem_statement", CORE, text(), "The problem the product solves, and for whom it hurts."),
                    new SectionSpec("target_user", CORE, text(), "Who the first users are, specifically."),
                    new SectionSpec("value_proposition", CORE, text(), "Why those users would choose this product."),
                    new SectionSpec("key_constraint", CORE, text(), "The one constraint that shapes the first version most."),
                    new SectionSpec("differentiation_points", CORE, texts(1, 10), "What sets the product apart, one point per entry."),
                    new SectionSpec("market_analysis", BUSINESS, text(), "The market: size, segments, timing."),
                    new SectionSpec("competitive_strategy", STRATEGIC, text(), "How the product wins against alternatives over time."))),
            ArtifactType.MVP_SCOPE, declare(ArtifactType.MVP_SCOPE, List.of(
                    new SectionSpec("core_features", CORE, listOf(record(
                            field("name", text()),
                            field("description", text()),
                            field("priority", PRIORITY)), 1, 20), "What the first version does."),
                    new SectionSpec("out_of_scope", CORE, texts(), "What the first version deliberately does not do."),
                    new SectionSpec("success_metrics", CORE, texts(1, 10), "How the team will know the MVP works."),
                    new SectionSpec("technical_architecture", BUSINESS, text(), "The technical shape of the MVP."),
                    new SectionSpec("scalability_plan", STRATEGIC, text(), "How the system grows past the MVP."))),
            ArtifactType.MILESTONES, declare(ArtifactType.MILESTONES, List.of(
                    new SectionSpec("milestones", CORE, listOf(record(
                            field("title", text()),
                            field("description", text()),
                            field("success_criteria", texts()),
                            field("estimated_weeks", whole(1))), 1, 12), "The plan to ship, milestone by milestone."),
                    new SectionSpec("critical_path", CORE, texts(), "Titles of the milestones on the critical path, in order."),
                    new SectionSpec("total_duration_weeks", CORE, whole(1), "Weeks from start to launch."),
                    new SectionSpec("resource_plan", BUSINESS, text(), "People and money the plan needs."),
                    new SectionSpec("risk_mitigation_timeline", STRATEGIC, text(), "When each major risk is addressed.")),
                    ConsistencyRule.entriesName("critical_path", "milestones", "title")),
            ArtifactType.RISK_LOG, declare(ArtifactType.RISK_LOG, List.of(
                    new SectionSpec("technical_risks", CORE, RISKS, "What could go wrong technically."),
                    new SectionSpec("market_risks", CORE, RISKS, "What could go wrong in the market."),
                    new SectionSpec("execution_risks", CORE, RISKS, "What could go wrong in building and running it."),
                    new SectionSpec("financial_risks", BUSINESS, RISKS, "What could go wrong with money."),
                    new SectionSpec("strategic_risks", STRATEGIC, RISKS, "What could go wrong with the long-term position."))),
            ArtifactType.HOW_IT_WORKS, declare(ArtifactType.HOW_IT_WORKS, List.of(
                    new SectionSpec("user_journey", CORE, listOf(record(
                            field("step_number", whole(1)),
                            field("title", text()),
                            field("description", text())), 1, 15), "The user's journey, step by step, numbered from 1."),
                    new SectionSpec("architecture", CORE, text(), "The system behind the journey."),
                    new SectionSpec("data_flow", CORE, text(), "How data moves through the system."),
                    new SectionSpec("integration_points", BUSINESS, texts(), "Systems it connects to."),
                    new SectionSpec("security_compliance", STRATEGIC, text(), "How it keeps data safe and stays compliant.")),
                    ConsistencyRule.numberedFromOne("user_journey", "step_number"))));

    private ArtifactSchemas() {
    }

    public static ArtifactSchema of(ArtifactType type) {
        return SCHEMAS.get(type);
    }

    private static ArtifactSchema declare(ArtifactType type, List<SectionSpec> sections, ConsistencyRule... rules) {
        return new ArtifactSchema(type, CURRENT_VERSION, sections, List.of(rules));
    }
}
