package io.artifactpipeline.http;

import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.usecase.GetGeneration;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /api/generations}: how a run of the cascade is going, artifact by artifact. */
final class GenerationsService implements HttpService {
    static final String PATH = "/api/generations";

    private final GetGeneration getGeneration;

    GenerationsService(GetGeneration getGeneration) {
        this.getGeneration = getGeneration;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{generation_id}", this::get)
                .any("/{generation_id}", Routes.allow("GET"));
    }

    private void get(ServerRequest request, ServerResponse response) {
        GenerationId id = new GenerationId(RequestParts.uuid(request, "generation_id"));
        Json.send(response, Status.OK_200,
                Views.generation(getGeneration.get(RequestParts.actor(request), id)));
    }
}
