package io.artifactpipeline.core.port;

import io.artifactpipeline.core.model.ErrorCode;
import io.artifactpipeline.core.model.TokenUsage;

import java.util.Objects;

/**
 * A model call that produced no content, after whatever retries the adapter makes. The message is safe
 * to show a founder: adapters never put keys or raw provider bodies in it.
 */
public final class ModelFailure extends RuntimeException {

    /** The few reasons a caller can act on; each has a stable code for the artifact's error. */
    public enum Reason {
        RATE_LIMITED(ErrorCode.MODEL_RATE_LIMITED),
        OVERLOADED(ErrorCode.MODEL_OVERLOADED),
        QUOTA_EXHAUSTED(ErrorCode.MODEL_QUOTA_EXHAUSTED),
        AUTHENTICATION(ErrorCode.MODEL_AUTH_FAILED),
        INVALID_REQUEST(ErrorCode.MODEL_INVALID_REQUEST),
        TIMEOUT(ErrorCode.MODEL_TIMEOUT),
        REFUSED(ErrorCode.MODEL_REFUSED),
        TRUNCATED(ErrorCode.MODEL_TRUNCATED),
        MALFORMED_OUTPUT(ErrorCode.MODEL_MALFORMED_OUTPUT),
        UNAVAILABLE(ErrorCode.MODEL_UNAVAILABLE);

        private final ErrorCode code;

        Reason(ErrorCode code) {
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }
    }

    private final Reason reason;
    private final transient TokenUsage billed;

    public ModelFailure(Reason reason, String message) {
        this(reason, message, TokenUsage.NONE);
    }

    /** A failure the provider charged for anyway (a truncated, refused or unreadable answer). */
    public ModelFailure(Reason reason, String message, TokenUsage billed) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.billed = Objects.requireNonNull(billed, "billed");
    }

    public ModelFailure(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.billed = TokenUsage.NONE;
    }

    public Reason reason() {
        return reason;
    }

    /** What the provider charged for the failed call; counted against the budget like any other call. */
    public TokenUsage billed() {
        return billed;
    }
}
