package io.artifactpipeline.core.error;

import io.artifactpipeline.core.schema.Violation;

import java.util.List;

/**
 * Well-formed input that breaks a rule: an unknown section, a value that does not fit, a note too long.
 * It lists at most {@link #MAX_LISTED} problems, so that a huge bad input cannot make a huge answer.
 */
public final class InvalidInputException extends DomainException {
    public static final int MAX_LISTED = 20;

    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations.subList(0, Math.min(MAX_LISTED, violations.size())));
    }

    public static InvalidInputException of(String path, String message) {
        return new InvalidInputException(List.of(new Violation(path, message)));
    }

    /** The first {@link #MAX_LISTED} problems. */
    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        if (violations.size() == 1) {
            return violations.getFirst().toString();
        }
        return violations.size() > MAX_LISTED
                ? violations.size() + " invalid values; the first " + MAX_LISTED + " are listed"
                : violations.size() + " invalid values";
    }
}
