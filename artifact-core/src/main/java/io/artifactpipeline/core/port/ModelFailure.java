package io.artifactpipeline.core.port;

import java.util.Objects;

/**
 * A model call that produced no content, after whatever retries the adapter makes. The message is safe
 * to show a founder: adapters never put keys or raw provider bodies in it.
 */
public final class ModelFailure extends RuntimeException {

    /** The few reasons a caller can act on; each has a stable code for the artifact's error. */
    public enum Reason {
        RATE_LIMITED("model_rate_limited"),
        OVERLOADED("model_overloaded"),
        QUOTA_EXHAUSTED("model_quota_exhausted"),
        AUTHENTICATION("model_auth_failed"),
        INVALID_REQUEST("model_invalid_request"),
        TIMEOUT("model_timeout"),
        REFUSED("model_refused"),
        TRUNCATED("model_truncated"),
        MALFORMED_OUTPUT("model_malformed_output"),
        UNAVAILABLE("model_unavailable");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public ModelFailure(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ModelFailure(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
