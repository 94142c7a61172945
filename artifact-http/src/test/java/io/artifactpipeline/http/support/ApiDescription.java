package io.artifactpipeline.http.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI document the server serves at {@code /openapi}, as a validator of responses: every
 * response the tests receive through {@link ApiClient} must be one the document describes (status,
 * content type, body schema), so a route or a field that drifts from the document fails the build.
 * <p>
 * The document is OpenAPI 3.1. swagger-request-validator 2.44.1 reads 3.1 documents but then ignores
 * {@code type} and {@code additionalProperties} (measured: a number passed for a string, unknown fields
 * passed), so the check would be toothless; it is strict on 3.0. The document keeps to the subset that
 * means the same in both, except nullable types ({@code type: [x, "null"]}), which are rewritten here
 * to 3.0's {@code nullable: true} before validating.
 */
public final class ApiDescription {
    public static final String RESOURCE = "/io/artifactpipeline/http/openapi.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** What an unknown route or a wrong method answers: described once in API.md, not per path. */
    private static final Set<String> NOT_A_ROUTE = Set.of("validation.response.path.missing",
            "validation.request.path.missing", "validation.response.operation.notAllowed",
            "validation.request.operation.notAllowed");

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(asOpenApi30(document()).toString()).build();

    private static final java.util.function.Predicate<String> WEB_WORKSPACE = path -> path.equals("/")
            || path.startsWith("/index.html") || path.startsWith("/assets/");

    private ApiDescription() {
    }

    /** The document as the server's jar holds it. */
    public static JsonNode document() {
        try (InputStream in = ApiDescription.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails with the validator's report when the response is not one the document describes for this
     * method and path. A 404 or 405 for a path or method the document does not list is what API.md
     * says of unknown routes and wrong methods, and passes; so does a 401 there, since authentication
     * comes before routing (an unknown /api path without a token is refused like any other).
     */
    public static void check(String method, String path, int status, HttpHeaders headers, String body) {
        if (WEB_WORKSPACE.test(path)) {
            return; // the web workspace's pages and assets are files, not the API the document describes
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.map().forEach((name, values) -> response.withHeader(name, values));
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response.build());
        if (!report.hasErrors()) {
            return;
        }
        boolean unknownRoute = (status == 404 || status == 405 || status == 401) && report.getMessages().stream()
                .allMatch(message -> NOT_A_ROUTE.contains(message.getKey()));
        if (!unknownRoute) {
            throw new AssertionError("the response to " + method + " " + path + " (" + status + ") drifts from the "
                    + "OpenAPI document: " + report.getMessages() + "\nbody: " + abbreviated(body));
        }
    }

    /** The 3.1 document in 3.0's words: {@code type: [x, "null"]} becomes {@code type: x, nullable: true}. */
    static JsonNode asOpenApi30(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.put("openapi", "3.0.3");
        rewriteNullableTypes(copy);
        return copy;
    }

    private static void rewriteNullableTypes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("type") instanceof ArrayNode types && types.size() == 2) {
                for (JsonNode type : types) {
                    if (!"null".equals(type.asText())) {
                        object.put("type", type.asText());
                        object.put("nullable", true);
                        break;
                    }
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                rewriteNullableTypes(fields.next().getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ApiDescription::rewriteNullableTypes);
        }
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 2_000 ? body.substring(0, 2_000) + "..." : body;
    }

    /** The paths the document lists, e.g. {@code /api/artifacts/{artifact_id}}. */
    public static List<String> paths() {
        List<String> all = new ArrayList<>();
        document().get("paths").fieldNames().forEachRemaining(all::add);
        return all;
    }
}
