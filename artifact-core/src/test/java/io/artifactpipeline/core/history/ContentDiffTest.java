package io.artifactpipeline.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.history.Change.Added;
import io.artifactpipeline.core.history.Change.Changed;
import io.artifactpipeline.core.history.Change.Removed;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.testing.SampleContent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.artifactpipeline.core.history.Segment.Op.DELETE;
import static io.artifactpipeline.core.history.Segment.Op.EQUAL;
import static io.artifactpipeline.core.history.Segment.Op.INSERT;
import static org.assertj.core.api.Assertions.assertThat;

class ContentDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void equalContentsHaveNoChanges() {
        ObjectNode brief = SampleContent.full(ArtifactType.BRIEF);

        assertThat(ContentDiff.between(brief, brief.deepCopy())).isEmpty();
    }

    @Test
    void aChangedStringHasWordSegmentsThatKeepTheWhitespace() {
        List<Change> changes = ContentDiff.between(
                json("{\"problem_statement\": \"Small bakeries waste a fifth of their bread.\"}"),
                json("{\"problem_statement\": \"Small  bakeries throw away a fifth of their bread.\"}"));

        assertThat(changes).containsExactly(new Changed("/problem_statement",
                text("Small bakeries waste a fifth of their bread."),
                text("Small  bakeries throw away a fifth of their bread."),
                List.of(new Segment(DELETE, "Small "), new Segment(INSERT, "Small  "),
                        new Segment(EQUAL, "bakeries "),
                        new Segment(DELETE, "waste "), new Segment(INSERT, "throw away "),
                        new Segment(EQUAL, "a fifth of their bread."))));
    }

    @Test
    void pathsPointAtTheSmallestChangedValueInsideListsOfRecords() {
        ObjectNode before = SampleContent.full(ArtifactType.MVP_SCOPE);
        ObjectNode after = before.deepCopy();
        ((ObjectNode) after.withArray("/core_features").get(1)).put("priority", "high");

        List<Change> changes = ContentDiff.between(before, after);

        assertThat(changes).hasSize(1);
        Changed change = (Changed) changes.getFirst();
        assertThat(change.path()).isEqualTo("/core_features/1/priority");
        assertThat(change.op()).isEqualTo("changed");
        assertThat(change.segments()).containsExactly(new Segment(DELETE, "medium"), new Segment(INSERT, "high"));
    }

    @Test
    void arraysAreComparedByIndexWithExtraItemsAddedOrRemoved() {
        ObjectNode before = json("{\"success_metrics\": [\"Waste down\", \"Happy bakers\"], \"out_of_scope\": [\"Flour\", \"Ovens\"]}");
        ObjectNode after = json("{\"success_metrics\": [\"Waste down\", \"Happy bakers\", \"Ten shops\"], \"out_of_scope\": [\"Flour\"]}");

        assertThat(ContentDiff.between(before, after)).containsExactly(
                new Added("/success_metrics/2", text("Ten shops")),
                new Removed("/out_of_scope/1", text("Ovens")));
    }

    @Test
    void sectionsAddedAndRemovedAreWholeValues() {
        ObjectNode before = json("{\"market_analysis\": \"Big\", \"target_user\": \"Bakers\"}");
        ObjectNode after = json("{\"target_user\": \"Bakers\", \"competitive_strategy\": \"Niche\"}");

        assertThat(ContentDiff.between(before, after)).containsExactly(
                new Removed("/market_analysis", text("Big")),
                new Added("/competitive_strategy", text("Niche")));
    }

    @Test
    void aValueThatChangedTypeIsChangedWithoutSegments() {
        ObjectNode before = json("{\"total_duration_weeks\": 10, \"critical_path\": \"Pilot\"}");
        ObjectNode after = json("{\"total_duration_weeks\": 12, \"critical_path\": [\"Pilot\"]}");

        assertThat(ContentDiff.between(before, after)).containsExactly(
                new Changed("/total_duration_weeks", json("10"), json("12"), List.of()),
                new Changed("/critical_path", text("Pilot"), json("[\"Pilot\"]"), List.of()));
    }

    @Test
    void numbersWithTheSameValueAreEqual() {
        assertThat(ContentDiff.between(json("{\"total_duration_weeks\": 10}"), json("{\"total_duration_weeks\": 10.0}")))
                .isEmpty();
    }

    @Test
    void memberNamesAreEscapedInPointers() {
        assertThat(ContentDiff.between(json("{\"a/b~c\": 1}"), json("{\"a/b~c\": 2}")))
                .extracting(Change::path).containsExactly("/a~1b~0c");
    }

    @Test
    void theDiffGoesBothWays() {
        ObjectNode older = SampleContent.full(ArtifactType.MILESTONES);
        ObjectNode newer = older.deepCopy();
        newer.put("resource_plan", "Three engineers, one designer.");
        newer.withArray("/critical_path").remove(1);

        assertThat(ContentDiff.between(newer, older)).containsExactly(
                new Added("/critical_path/1", text("Launch")),
                new Changed("/resource_plan", text("Three engineers, one designer."), text("Two engineers, one designer."),
                        List.of(new Segment(DELETE, "Three "), new Segment(INSERT, "Two "),
                                new Segment(EQUAL, "engineers, one designer."))));
    }

    private static JsonNode text(String value) {
        return JSON.getNodeFactory().textNode(value);
    }

    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> T json(String text) {
        try {
            return (T) JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
