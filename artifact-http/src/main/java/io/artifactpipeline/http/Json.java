package io.artifactpipeline.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * JSON in and out: snake_case on the wire, and strict on the way in, so that a client's mistake is a 400
 * rather than a silently different request: unknown fields, wrong types (no "5" for 5, no 5 for "5"),
 * trailing garbage and duplicate keys are all refused.
 */
final class Json {
    static final String PROBLEM_JSON = "application/problem+json";
    static final String APPLICATION_JSON = "application/json";
    static final ObjectMapper MAPPER = mapper();

    private final long maxBodyBytes;

    Json(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Reads the body as {@code type}; a missing body is a 400. */
    <T> T read(ServerRequest request, Class<T> type) {
        byte[] body = readBody(request);
        if (body.length == 0) {
            throw ClientError.badRequest("a JSON body is required");
        }
        return parse(body, type);
    }

    /** Reads the body as {@code type}, or gives {@code whenEmpty} when the request has no body. */
    <T> T readOrDefault(ServerRequest request, Class<T> type, T whenEmpty) {
        byte[] body = readBody(request);
        return body.length == 0 ? whenEmpty : parse(body, type);
    }

    static void send(ServerResponse response, Status status, Object body) {
        write(response, status, APPLICATION_JSON, body);
    }

    static void sendProblem(ServerResponse response, Problem problem) {
        problem.headers().forEach(response::header);
        Problem withId = response.headers().first(RequestLogFilter.REQUEST_ID).map(problem::withRequestId).orElse(problem);
        write(response, Status.create(problem.status()), PROBLEM_JSON, withId);
    }

    static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response body did not serialize", e);
        }
    }

    /** A body already written as JSON (see {@link RenderedArtifacts}). */
    static void sendJson(ServerResponse response, Status status, byte[] json) {
        writeBytes(response, status, APPLICATION_JSON, json);
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response body did not serialize", e);
        }
    }

    private static void write(ServerResponse response, Status status, String contentType, Object body) {
        writeBytes(response, status, contentType, bytes(body));
    }

    private static void writeBytes(ServerResponse response, Status status, String contentType, byte[] bytes) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, contentType);
        response.send(bytes);
    }

    private byte[] readBody(ServerRequest request) {
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBodyBytes) {
            throw ClientError.payloadTooLarge(maxBodyBytes);
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        // Read one byte past the limit: a chunked body gives no length up front.
        int cap = (int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8);
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes(cap);
            if (body.length > maxBodyBytes) {
                throw ClientError.payloadTooLarge(maxBodyBytes);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T parse(byte[] body, Class<T> type) {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) { // the literal null, which Jackson reads as no object at all
                throw ClientError.badRequest("the body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ClientError.badRequest("unknown field '" + e.getPropertyName() + "'" + at(e));
        } catch (JsonMappingException e) {
            throw ClientError.badRequest("a value has the wrong type or format" + at(e));
        } catch (JacksonException e) {
            throw ClientError.badRequest("the body is not well-formed JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where in the body the problem is, by field names and indexes only: Jackson's own text names Java types. */
    private static String at(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("/"));
        return path.isEmpty() ? "" : " at '" + path + "'";
    }

    private static ObjectMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }
}
