package io.artifactpipeline.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi}: the OpenAPI 3.1 document of the API, a maintained file in this module's
 * resources. It is kept true by the tests: every response the HTTP tests receive is validated against it.
 */
final class ApiDescriptionService implements HttpService {
    static final String PATH = "/openapi";
    static final String RESOURCE = "/io/artifactpipeline/http/openapi.yaml";

    private final byte[] document;

    ApiDescriptionService() {
        try (InputStream in = ApiDescriptionService.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the API description " + RESOURCE + " is missing from the jar");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::get).any("/", Routes.allow("GET"));
    }

    private void get(ServerRequest request, ServerResponse response) {
        response.headers().contentType(HttpMediaType.create("application/yaml; charset=utf-8"));
        response.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
        response.status(Status.OK_200).send(document);
    }
}
