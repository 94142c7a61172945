package io.artifactpipeline.http.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.testing.SampleArtifacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A cto_scale project whose five artifacts are as long as a generous model would write them (lists
 * near their bounds, sections of several paragraphs), made from a fixed seed so every run exports the
 * same document. Valid against the schemas, so it is content the system could really hold.
 */
final class LargeProject {
    private static final String[] WORDS = ("bakery bread forecast demand waste owner till sales export morning batch "
            + "flour oven customer weekday weather holiday margin pilot launch partner data model accuracy week "
            + "product loaf croissant baguette order supplier cost price subscription onboarding support report "
            + "dashboard mobile evening schedule staff shift quality trust habit season trend local chain market").split(" ");

    private final Random random = new Random(20261201L);
    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final int paragraphsPerSection;

    private LargeProject(int paragraphsPerSection) {
        this.paragraphsPerSection = paragraphsPerSection;
    }

    static List<Artifact> artifacts(Project project, int paragraphsPerSection) {
        LargeProject content = new LargeProject(paragraphsPerSection);
        List<Artifact> artifacts = new ArrayList<>();
        for (ArtifactType type : ArtifactType.inGenerationOrder()) {
            ObjectNode written = content.of(type);
            if (!ArtifactSchemas.of(type).validate(written, Tier.CTO_SCALE).isEmpty()) {
                throw new IllegalStateException(type + ": " + ArtifactSchemas.of(type).validate(written, Tier.CTO_SCALE));
            }
            artifacts.add(SampleArtifacts.written(project, type, written));
        }
        return artifacts;
    }

    private ObjectNode of(ArtifactType type) {
        ObjectNode content = json.objectNode();
        switch (type) {
            case BRIEF -> {
                for (String key : List.of("problem_statement", "target_user", "value_proposition", "key_constraint",
                        "market_analysis", "competitive_strategy")) {
                    content.put(key, prose());
                }
                content.set("differentiation_points", sentences(10));
            }
            case MVP_SCOPE -> {
                ArrayNode features = content.putArray("core_features");
                for (int i = 0; i < 20; i++) {
                    features.addObject().put("name", words(3)).put("description", sentence(40))
                            .put("priority", List.of("high", "medium", "low").get(i % 3));
                }
                content.set("out_of_scope", sentences(12));
                content.set("success_metrics", sentences(10));
                content.put("technical_architecture", prose());
                content.put("scalability_plan", prose());
            }
            case MILESTONES -> {
                ArrayNode milestones = content.putArray("milestones");
                ArrayNode criticalPath = json.arrayNode();
                for (int i = 0; i < 12; i++) {
                    String title = "Milestone " + (i + 1) + ": " + words(3);
                    milestones.addObject().put("title", title).put("description", sentence(45))
                            .put("estimated_weeks", 1 + i % 4).set("success_criteria", sentences(4));
                    criticalPath.add(title);
                }
                content.set("critical_path", criticalPath);
                content.put("total_duration_weeks", 30);
                content.put("resource_plan", prose());
                content.put("risk_mitigation_timeline", prose());
            }
            case RISK_LOG -> {
                for (String key : List.of("technical_risks", "market_risks", "execution_risks", "financial_risks",
                        "strategic_risks")) {
                    ArrayNode risks = content.putArray(key);
                    for (int i = 0; i < 12; i++) {
                        risks.addObject().put("title", words(4)).put("description", sentence(35))
                                .put("severity", List.of("high", "medium", "low").get(i % 3))
                                .put("mitigation", sentence(30));
                    }
                }
            }
            case HOW_IT_WORKS -> {
                ArrayNode journey = content.putArray("user_journey");
                for (int i = 0; i < 15; i++) {
                    journey.addObject().put("step_number", i + 1).put("title", words(4)).put("description", sentence(40));
                }
                content.put("architecture", prose());
                content.put("data_flow", prose());
                content.set("integration_points", sentences(10));
                content.put("security_compliance", prose());
            }
        }
        return content;
    }

    private String prose() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < paragraphsPerSection; i++) {
            StringBuilder paragraph = new StringBuilder();
            for (int s = 0; s < 5; s++) {
                paragraph.append(s == 0 ? "" : " ").append(sentence(18 + random.nextInt(10)));
            }
            paragraphs.add(paragraph.toString());
        }
        return String.join("\n\n", paragraphs);
    }

    private ArrayNode sentences(int count) {
        ArrayNode list = json.arrayNode();
        for (int i = 0; i < count; i++) {
            list.add(sentence(12 + random.nextInt(12)));
        }
        return list;
    }

    private String sentence(int words) {
        String text = words(words);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
