package io.artifactpipeline.llm.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SectionDraftParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = """
            {"problem_statement": "Groomers lose \\"bookings\\" \u2014 caf\u00e9 \u20ac \uD83D\uDC29 \\u00e9\\\\",
             "target_user": {"who": "groomers", "vans": [1, 2.5, -3e2], "nested": {"deep": [[], {}]}},
             "differentiation_points": ["SMS", "no app", {"why": null}],
             "score": 42, "ready": true, "notes": null, "empty": ""}""";

    private static Map<String, JsonNode> expected() throws Exception {
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        JSON.readTree(DOCUMENT).properties().forEach(entry -> sections.put(entry.getKey(), entry.getValue()));
        return sections;
    }

    @Test
    void reportsEveryTopLevelSectionInOrderWhereverTheTextIsSplit() throws Exception {
        byte[] bytes = DOCUMENT.getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= bytes.length; split++) {
            Map<String, JsonNode> drafts = new LinkedHashMap<>();
            SectionDraftParser parser = new SectionDraftParser(drafts::put);
            parser.feed(bytes, 0, split);
            parser.feed(bytes, split, bytes.length - split);
            assertThat(drafts).as("split at byte %d", split).containsExactlyEntriesOf(expected());
        }
    }

    @Test
    void byteByByteEachSectionIsReportedAsSoonAsItsValueEnds() throws Exception {
        byte[] bytes = DOCUMENT.getBytes(StandardCharsets.UTF_8);
        List<String> reported = new ArrayList<>();
        List<Integer> reportedAt = new ArrayList<>();
        int[] position = {0};
        SectionDraftParser parser = new SectionDraftParser((section, value) -> {
            reported.add(section);
            reportedAt.add(position[0]);
        });
        for (int i = 0; i < bytes.length; i++) {
            position[0] = i;
            parser.feed(bytes, i, 1);
        }

        assertThat(reported).containsExactlyElementsOf(expected().keySet());
        // The string section is complete at its closing quote, long before the document ends.
        String text = new String(bytes, StandardCharsets.UTF_8);
        int closingQuote = text.substring(0, text.indexOf("\"target_user\"")).lastIndexOf('"');
        assertThat(reportedAt.getFirst())
                .isEqualTo(text.substring(0, closingQuote + 1).getBytes(StandardCharsets.UTF_8).length - 1);
        // A number is only known to be over at the comma after it.
        assertThat(reportedAt.get(reported.indexOf("score"))).isEqualTo(
                text.substring(0, text.indexOf("42,") + 2).getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aFenceBeforeAndTextAfterTheObjectAreIgnored() throws Exception {
        Map<String, JsonNode> drafts = new LinkedHashMap<>();
        SectionDraftParser parser = new SectionDraftParser(drafts::put);

        parser.feed("```json\n");
        parser.feed(DOCUMENT);
        parser.feed("\n```\nHope this helps! {\"not\": \"a section\"}");

        assertThat(drafts).containsExactlyEntriesOf(expected());
    }

    @Test
    void malformedJsonEndsTheDraftsQuietly() {
        Map<String, JsonNode> drafts = new LinkedHashMap<>();
        SectionDraftParser parser = new SectionDraftParser(drafts::put);

        parser.feed("{\"a\": 1, \"b\": tru, \"c\": 2}");
        parser.feed("{\"d\": 4}");

        assertThat(drafts).containsOnlyKeys("a");
    }

    @Test
    void aListenerThatFailsStopsTheDraftsWithoutFailingTheCaller() {
        List<String> seen = new ArrayList<>();
        SectionDraftParser parser = new SectionDraftParser((section, value) -> {
            seen.add(section);
            throw new IllegalStateException("the event stream is gone");
        });

        parser.feed("{\"a\": 1, \"b\": 2}");

        assertThat(seen).containsExactly("a");
    }
}
