package io.artifactpipeline.core.schema;

/**
 * A rule for every text a founder or a model hands the system: no NUL characters. PostgreSQL cannot
 * store them and H2 can, so allowing them would make the two stores disagree about what is valid.
 */
public final class Texts {
    public static final String NO_NUL = "must not contain NUL characters";

    private Texts() {
    }

    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
