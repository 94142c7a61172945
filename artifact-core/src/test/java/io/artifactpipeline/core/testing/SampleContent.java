package io.artifactpipeline.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.schema.ArtifactSchemas;

import java.io.UncheckedIOException;

/** Hand-written, valid content of every type at the top tier; cut to any tier with {@link #forTier}. */
public final class SampleContent {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleContent() {
    }

    public static ObjectNode full(ArtifactType type) {
        return parse(switch (type) {
            case BRIEF -> """
                    {"problem_statement": "Small bakeries waste a fifth of their bread.",
                     "target_user": "Owners of neighbourhood bakeries",
                     "value_proposition": "Bake to demand, not to habit.",
                     "key_constraint": "Must work on the till they already have.",
                     "differentiation_points": ["Forecasts from sales history", "No new hardware"],
                     "market_analysis": "Forty thousand independent bakeries in the EU.",
                     "competitive_strategy": "Win the niche chains ignore."}""";
            case MVP_SCOPE -> """
                    {"core_features": [{"name": "Daily forecast", "description": "Tomorrow's bake per product", "priority": "high"},
                                       {"name": "Till import", "description": "Reads sales exports", "priority": "medium"}],
                     "out_of_scope": ["Inventory of flour"],
                     "success_metrics": ["Waste down 30% in 8 weeks"],
                     "technical_architecture": "A web app and a nightly job.",
                     "scalability_plan": "Partition by bakery."}""";
            case MILESTONES -> """
                    {"milestones": [{"title": "Pilot", "description": "Three bakeries", "success_criteria": ["Forecast daily"], "estimated_weeks": 4},
                                    {"title": "Launch", "description": "Open sign-up", "success_criteria": ["100 bakeries"], "estimated_weeks": 6}],
                     "critical_path": ["Pilot", "Launch"],
                     "total_duration_weeks": 10,
                     "resource_plan": "Two engineers, one designer.",
                     "risk_mitigation_timeline": "Data risks first, in the pilot."}""";
            case RISK_LOG -> """
                    {"technical_risks": [{"title": "Bad data", "description": "Till exports vary", "severity": "high", "mitigation": "Parsers per brand"}],
                     "market_risks": [{"title": "Slow adoption", "description": "Bakers are busy", "severity": "medium", "mitigation": "Onboard in person"}],
                     "execution_risks": [],
                     "financial_risks": [{"title": "Low price point", "description": "Small margins", "severity": "low", "mitigation": "Annual plans"}],
                     "strategic_risks": [{"title": "Till vendors copy it", "description": "They own the data", "severity": "medium", "mitigation": "Partner early"}]}""";
            case HOW_IT_WORKS -> """
                    {"user_journey": [{"step_number": 1, "title": "Connect the till", "description": "Upload an export"},
                                      {"step_number": 2, "title": "Read the forecast", "description": "Each evening"}],
                     "architecture": "A web app, a forecasting job, a database.",
                     "data_flow": "Sales in, forecasts out.",
                     "integration_points": ["Till exports"],
                     "security_compliance": "GDPR: no personal data kept."}""";
        });
    }

    /** The sample as the model should write it for a tier: sections above the tier removed. */
    public static ObjectNode forTier(ArtifactType type, Tier tier) {
        ObjectNode content = full(type);
        content.retain(ArtifactSchemas.of(type).sectionKeysFor(tier));
        return content;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
