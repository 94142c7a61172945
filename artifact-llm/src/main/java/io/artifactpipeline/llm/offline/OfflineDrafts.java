package io.artifactpipeline.llm.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written drafts of the five documents, filled from the founder's material. Each builds every section
 * of its type; the provider keeps the ones the tier asks for. They are plain and say what they assume: a
 * starting point to edit, not an analysis.
 */
final class OfflineDrafts {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_BUILD_MILESTONES = 10;
    private static final int MAX_FEATURE_STEPS = 11;

    private OfflineDrafts() {
    }

    static ObjectNode write(ArtifactType type, DraftMaterial m) {
        return switch (type) {
            case BRIEF -> brief(m);
            case MVP_SCOPE -> mvpScope(m);
            case MILESTONES -> milestones(m);
            case RISK_LOG -> riskLog(m);
            case HOW_IT_WORKS -> howItWorks(m);
        };
    }

    private static ObjectNode brief(DraftMaterial m) {
        ObjectNode c = JSON.objectNode();
        c.put("problem_statement", m.sources());
        c.put("target_user", m.answerAbout("who", "user", "customer", "audience", "target", "buyer")
                .map(a -> "As the founder describes them: " + a)
                .orElse("Not named in the founder's answers yet. Assumed: the people who feel the problem behind \""
                        + m.shortIdea() + "\" most often; name one specific group before building."));
        c.put("value_proposition", m.answerAbout("value", "why", "benefit", "solve", "problem")
                .map(a -> "In the founder's words: " + a)
                .orElse("They get \"" + m.shortIdea() + "\" without the workarounds they use today. "
                        + "An assumption to test with the first users."));
        c.put("key_constraint", m.answerAbout("constraint", "budget", "deadline", "time", "money", "limit", "team")
                .map(a -> "As the founder states it: " + a)
                .orElse("Not stated yet. Assumed: a small team with little time and money, so the first version "
                        + "must be the smallest thing that tests the idea."));
        ArrayNode points = c.putArray("differentiation_points");
        m.answerAbout("different", "unique", "compet", "alternative").ifPresent(points::add);
        points.add("Focused on one job: " + m.shortIdea());
        points.add("Shaped by the founder's direct knowledge of the problem, not by a generic template");
        c.put("market_analysis", m.answerAbout("market", "size", "compet")
                .map(a -> "From the founder's answers: " + a + " Sizing and segments still need research.")
                .orElse("Not analysed in this offline draft. Start by counting the target users the team can reach "
                        + "directly, then the segments next to them."));
        c.put("competitive_strategy", "Win first on focus: do the core job (" + m.shortIdea() + ") better than "
                + "general tools, learn faster from the first users than larger competitors can, and widen only "
                + "once that job is done well.");
        return c;
    }

    private static ObjectNode mvpScope(DraftMaterial m) {
        ObjectNode c = JSON.objectNode();
        ArrayNode features = c.putArray("core_features");
        features.add(feature(m.shortIdea(), m.sources(), "high"));
        // The first point is the founder's own (when an answer names one); the others are generic.
        m.dependencyList(ArtifactType.BRIEF, "differentiation_points", null).stream().limit(1).forEach(point ->
                features.add(feature("Differentiator: " + point, "The first version shows this difference "
                        + "in the core job, visibly enough for a first user to notice it.", "medium")));
        features.add(feature("Onboarding", "A first user starts in minutes, giving only the data the core job "
                + "needs.", "medium"));
        features.add(feature("Feedback", "A direct way for first users to say what is missing, read weekly by "
                + "the founder.", "low"));
        c.set("out_of_scope", texts("Anything not needed to test the core job with the first users",
                "Administration tooling and integrations beyond the minimum",
                "Scaling work before the first users confirm the idea"));
        c.set("success_metrics", texts("Share of first users who complete the core job in their first session",
                "Share of first users who come back within a week",
                "Number of first users who would be very disappointed to lose the product"));
        c.put("technical_architecture", "One web application with one database on managed hosting, built by the "
                + "smallest team that can ship it; no separate services until the first version proves the idea.");
        c.put("scalability_plan", "Measure before scaling: add caching and background work where the metrics show "
                + "load, split out a service only when one part needs to grow on its own.");
        return c;
    }

    private static ObjectNode milestones(DraftMaterial m) {
        List<ObjectNode> plan = new ArrayList<>();
        plan.add(milestone("Confirm the problem", m.sources(),
                List.of("Ten target users interviewed", "The problem statement rewritten in their words"), 2));
        List<String> features = m.dependencyList(ArtifactType.MVP_SCOPE, "core_features", "name");
        if (features.isEmpty()) {
            features = List.of(m.shortIdea());
        }
        features.stream().limit(MAX_BUILD_MILESTONES).forEach(name -> plan.add(milestone("Build: " + name,
                "Build and test \"" + name + "\" end to end.",
                List.of("A test user completes it without help"), 2)));
        plan.add(milestone("Launch to the first users", "Open the first version to the first users and watch the "
                + "success metrics.", List.of("First users active", "Success metrics measured weekly"), 1));
        ObjectNode c = JSON.objectNode();
        ArrayNode list = c.putArray("milestones");
        ArrayNode criticalPath = c.putArray("critical_path");
        int weeks = 0;
        for (ObjectNode milestone : plan) {
            list.add(milestone);
            criticalPath.add(milestone.get("title").asText());
            weeks += milestone.get("estimated_weeks").asInt();
        }
        c.put("total_duration_weeks", weeks);
        c.put("resource_plan", "The founder plus one or two builders for " + weeks + " weeks, with a small budget "
                + "for hosting and for reaching the first users. An assumption of this offline draft.");
        c.put("risk_mitigation_timeline", "Weeks 1-2: test the market risk with interviews. During the build: cut "
                + "scope at each milestone that runs late. At launch: review the risk log against the metrics.");
        return c;
    }

    private static ObjectNode riskLog(DraftMaterial m) {
        ObjectNode c = JSON.objectNode();
        ArrayNode technical = c.putArray("technical_risks");
        technical.add(risk("The first version takes longer than planned", "Building \"" + m.shortIdea()
                + "\" may hold more unknowns than the plan allows.", "medium",
                "Ship the high-priority features first and cut the rest when a milestone runs late."));
        m.dependencyText(ArtifactType.BRIEF, "key_constraint").ifPresent(constraint -> technical.add(risk(
                "The key constraint bites", constraint, "high",
                "Design the first version around this constraint and check it at every milestone.")));
        c.putArray("market_risks").add(risk("Users do not feel the problem strongly enough", "The idea assumes "
                        + "that the target users want \"" + m.shortIdea() + "\" enough to change how they work.", "high",
                "Interview ten target users before building and stop or change course if few of them care."));
        c.putArray("execution_risks").add(risk("This plan was drafted without a model", m.sources(), "medium",
                "Configure a model provider, regenerate, and review each section with the founder."));
        c.putArray("financial_risks").add(risk("Money runs out before the idea is proven", "The first version "
                        + "and the search for first users may cost more than planned.", "high",
                "Set a budget per milestone and a date by which the success metrics must move."));
        c.putArray("strategic_risks").add(risk("A larger player copies the core job", "If the idea works, "
                        + "established products can add it.", "medium",
                "Stay close to the first users and build what a general product will not."));
        return c;
    }

    private static ObjectNode howItWorks(DraftMaterial m) {
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[]{"Arrives with the problem", m.sources()});
        steps.add(new String[]{"Signs up", "Gives only what the core job needs and reaches it within minutes."});
        List<String> features = m.dependencyList(ArtifactType.MVP_SCOPE, "core_features", "name");
        if (features.isEmpty()) {
            features = List.of(m.shortIdea());
        }
        features.stream().limit(MAX_FEATURE_STEPS)
                .forEach(name -> steps.add(new String[]{"Uses: " + name, "Does \"" + name + "\" and sees the result."}));
        steps.add(new String[]{"Comes back", "Returns when the problem comes up again and tells the team what is missing."});
        ObjectNode c = JSON.objectNode();
        ArrayNode journey = c.putArray("user_journey");
        for (int i = 0; i < steps.size(); i++) {
            journey.addObject().put("step_number", i + 1).put("title", steps.get(i)[0]).put("description", steps.get(i)[1]);
        }
        c.put("architecture", "A web client talks to one application server over HTTPS; the server keeps its data "
                + "in one relational database and sends email for sign-up and notifications.");
        c.put("data_flow", "The user's input goes from the web client to the application server, which checks it, "
                + "stores it in the database and returns the result; usage events go to analytics for the success "
                + "metrics.");
        c.set("integration_points", texts("Email delivery for sign-up and notifications",
                "Product analytics for the success metrics"));
        c.put("security_compliance", "Encrypted connections everywhere, passwords never stored in plain text, the "
                + "least personal data the core job needs, and a way for users to export and delete their data.");
        return c;
    }

    private static ObjectNode feature(String name, String description, String priority) {
        return JSON.objectNode().put("name", name).put("description", description).put("priority", priority);
    }

    private static ObjectNode milestone(String title, String description, List<String> criteria, int weeks) {
        ObjectNode milestone = JSON.objectNode().put("title", title).put("description", description);
        ArrayNode list = milestone.putArray("success_criteria");
        criteria.forEach(list::add);
        return milestone.put("estimated_weeks", weeks);
    }

    private static ObjectNode risk(String title, String description, String severity, String mitigation) {
        return JSON.objectNode().put("title", title).put("description", description).put("severity", severity)
                .put("mitigation", mitigation);
    }

    private static ArrayNode texts(String... values) {
        ArrayNode list = JSON.arrayNode();
        for (String value : values) {
            list.add(value);
        }
        return list;
    }
}
