package io.artifactpipeline.http;

import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.usecase.GetGenerationOverview;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /api/artifacts/project/{id}/generation-status}: the replaced system's polling shape. */
final class GenerationStatusService implements HttpService {
    private final GetGenerationOverview getGenerationOverview;

    GenerationStatusService(GetGenerationOverview getGenerationOverview) {
        this.getGenerationOverview = getGenerationOverview;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/project/{project_id}/generation-status", this::get)
                .any("/project/{project_id}/generation-status", Routes.allow("GET"));
    }

    private void get(ServerRequest request, ServerResponse response) {
        ProjectId projectId = new ProjectId(RequestParts.uuid(request, "project_id"));
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        Json.send(response, Status.OK_200,
                Views.overview(getGenerationOverview.get(RequestParts.actor(request), projectId)));
    }
}
