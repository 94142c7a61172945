package io.artifactpipeline.core.history;

import java.util.Objects;

/** One run of a word-level text diff: text both versions share, or text only the old or only the new one has. */
public record Segment(Op op, String text) {
    public Segment {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(text, "text");
    }

    /** What a segment says about its text. */
    public enum Op {
        EQUAL("equal"), DELETE("delete"), INSERT("insert");

        private final String wireName;

        Op(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
