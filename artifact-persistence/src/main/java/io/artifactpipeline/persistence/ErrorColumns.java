package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ErrorCode;

/**
 * An artifact's or a generation item's error as its two columns, the code's wire name and the message (both
 * null when there is no error). Failure messages come from model providers and validators and have no length
 * limit; a worker must be able to record a failure however long its message, so the stored text is cut to the
 * column's size.
 */
final class ErrorColumns {
    static final int MAX_LENGTH = 10_000;
    private static final String CUT = " [...]";

    private ErrorColumns() {
    }

    static String code(ArtifactError error) {
        return error == null ? null : error.code().wireName();
    }

    /** The message as stored: cut to the column's size. */
    static String message(ArtifactError error) {
        return error == null ? null : fit(error.message());
    }

    /** The error as a read of its columns returns it. */
    static ArtifactError stored(ArtifactError error) {
        return error == null ? null : new ArtifactError(error.code(), fit(error.message()));
    }

    static ArtifactError read(String code, String message) {
        return code == null ? null : new ArtifactError(ErrorCode.fromWireName(code), message);
    }

    static String fit(String message) {
        if (message == null || message.length() <= MAX_LENGTH) {
            return message;
        }
        return message.substring(0, MAX_LENGTH - CUT.length()) + CUT;
    }
}
