package io.artifactpipeline.core.model;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Why an artifact failed, as a closed set; each code has a stable wire name that clients may act on. */
public enum ErrorCode {
    DEPENDENCY_FAILED("dependency_failed"),
    DEPENDENCY_MISSING("dependency_missing"),
    INVALID_OUTPUT("invalid_output"),
    BUDGET_EXHAUSTED("budget_exhausted"),
    INTERNAL("internal_error"),
    MODEL_RATE_LIMITED("model_rate_limited"),
    MODEL_OVERLOADED("model_overloaded"),
    MODEL_QUOTA_EXHAUSTED("model_quota_exhausted"),
    MODEL_AUTH_FAILED("model_auth_failed"),
    MODEL_INVALID_REQUEST("model_invalid_request"),
    MODEL_TIMEOUT("model_timeout"),
    MODEL_REFUSED("model_refused"),
    MODEL_TRUNCATED("model_truncated"),
    MODEL_MALFORMED_OUTPUT("model_malformed_output"),
    MODEL_UNAVAILABLE("model_unavailable");

    private static final Map<String, ErrorCode> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ErrorCode::wireName, Function.identity()));

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * The code with this wire name. A name this version does not know (written by a newer server into a
     * shared database) reads as {@link #INTERNAL} rather than failing the read.
     */
    public static ErrorCode fromWireName(String wireName) {
        return BY_WIRE_NAME.getOrDefault(wireName, INTERNAL);
    }
}
