package io.artifactpipeline.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document, plus the headers that belong with it (Retry-After, Allow,
 * WWW-Authenticate). Extension members are present only when they say something.
 *
 * @param errors        for 422: what is wrong where
 * @param generationId  for a 409 caused by a running generation: which one
 * @param correlationId for a 500: the id under which the server logged what happened
 * @param requestId     the request's {@code X-Request-Id}, which its log lines carry too
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, List<FieldError> errors, String generationId,
               String correlationId, String requestId, @JsonIgnore Map<String, String> headers) {

    /** One invalid value: a JSON Pointer or field name, and what is wrong with it. */
    record FieldError(String path, String message) {
    }

    static Problem of(int status, String slug, String title, String detail) {
        return new Problem("urn:artifact-pipeline:problem:" + slug, title, status, detail, null, null, null, null, Map.of());
    }

    Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors, generationId, correlationId, requestId, headers);
    }

    Problem withGenerationId(String id) {
        return new Problem(type, title, status, detail, errors, id, correlationId, requestId, headers);
    }

    Problem withCorrelationId(String id) {
        return new Problem(type, title, status, detail, errors, generationId, id, requestId, headers);
    }

    Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, errors, generationId, correlationId, id, headers);
    }

    Problem withHeader(String name, String value) {
        var all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Problem(type, title, status, detail, errors, generationId, correlationId, requestId, Map.copyOf(all));
    }
}
