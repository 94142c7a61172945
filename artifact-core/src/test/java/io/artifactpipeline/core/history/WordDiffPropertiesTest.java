package io.artifactpipeline.core.history;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class WordDiffPropertiesTest {

    @Property(tries = 500)
    void equalAndDeletedJoinToTheOldTextAndEqualAndInsertedToTheNewOne(@ForAll("texts") String before,
                                                                       @ForAll("texts") String after) {
        List<Segment> segments = WordDiff.between(before, after);

        assertThat(join(segments, Segment.Op.DELETE)).isEqualTo(before);
        assertThat(join(segments, Segment.Op.INSERT)).isEqualTo(after);
    }

    @Property(tries = 500)
    void anyUnicodeTextJoinsBackExactly(@ForAll String before, @ForAll String after) {
        List<Segment> segments = WordDiff.between(before, after);

        assertThat(join(segments, Segment.Op.DELETE)).isEqualTo(before);
        assertThat(join(segments, Segment.Op.INSERT)).isEqualTo(after);
    }

    @Property(tries = 300)
    void theDiffIsMinimalInWords(@ForAll("texts") String before, @ForAll("texts") String after) {
        List<String> a = WordDiff.tokens(before);
        List<String> b = WordDiff.tokens(after);
        List<Segment> segments = WordDiff.between(before, after);

        int changedTokens = segments.stream().filter(s -> s.op() != Segment.Op.EQUAL)
                .mapToInt(s -> WordDiff.tokens(s.text()).size()).sum();
        assertThat(changedTokens).isEqualTo(a.size() + b.size() - 2 * longestCommonSubsequence(a, b));
    }

    @Property(tries = 300)
    void segmentsAreNeverEmptyAndRunsAreMerged(@ForAll("texts") String before, @ForAll("texts") String after) {
        List<Segment> segments = WordDiff.between(before, after);

        assertThat(segments).allSatisfy(s -> assertThat(s.text()).isNotEmpty());
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).op()).isNotEqualTo(segments.get(i - 1).op());
            if (segments.get(i).op() == Segment.Op.DELETE) {
                assertThat(segments.get(i - 1).op()).isEqualTo(Segment.Op.EQUAL);
            }
        }
    }

    @Property(tries = 200)
    void equalTextsAreOneEqualSegment(@ForAll("texts") String text) {
        List<Segment> segments = WordDiff.between(text, text);

        assertThat(segments).isEqualTo(text.isEmpty() ? List.of() : List.of(new Segment(Segment.Op.EQUAL, text)));
    }

    /** Texts from a few short words and mixed whitespace, so that random pairs share words. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> word = Arbitraries.of("a", "b", "c", "bread", "Ωmega", "хлеб", "a.", "b,");
        Arbitrary<String> space = Arbitraries.of(" ", " ", " ", "  ", "\n", "\t", " \n ");
        Arbitrary<String> leading = Arbitraries.of("", "", " ", "\n");
        return Arbitraries.lazy(() -> word.flatMap(w -> space.map(s -> w + s)).list().ofMaxSize(25)
                .flatMap(parts -> leading.map(lead -> lead + String.join("", parts))));
    }

    private static String join(List<Segment> segments, Segment.Op side) {
        return segments.stream().filter(s -> s.op() == Segment.Op.EQUAL || s.op() == side)
                .map(Segment::text).collect(Collectors.joining());
    }

    private static int longestCommonSubsequence(List<String> a, List<String> b) {
        int[][] lengths = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lengths[i][j] = a.get(i).equals(b.get(j))
                        ? lengths[i + 1][j + 1] + 1
                        : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
            }
        }
        return lengths[0][0];
    }
}
