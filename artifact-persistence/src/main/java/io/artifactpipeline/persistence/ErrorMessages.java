package io.artifactpipeline.persistence;

/**
 * Failure messages come from model providers and validators and have no length limit; a worker must be
 * able to record a failure however long its message, so the stored text is cut to the column's size.
 */
final class ErrorMessages {
    static final int MAX_LENGTH = 10_000;
    private static final String CUT = " [...]";

    private ErrorMessages() {
    }

    static String fit(String message) {
        if (message == null || message.length() <= MAX_LENGTH) {
            return message;
        }
        return message.substring(0, MAX_LENGTH - CUT.length()) + CUT;
    }
}
