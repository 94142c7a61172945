package io.artifactpipeline.core.error;

import io.artifactpipeline.core.schema.Violation;

import java.util.List;

/** Well-formed input that breaks a rule: an unknown section, a value that does not fit, a note too long. */
public final class InvalidInputException extends DomainException {
    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String path, String message) {
        return new InvalidInputException(List.of(new Violation(path, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        return violations.size() == 1 ? violations.getFirst().toString() : violations.size() + " invalid values";
    }
}
