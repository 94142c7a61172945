package io.artifactpipeline.http;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.model.ArtifactId;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /api/artifacts/{id}/revisions}: an artifact's immutable history. */
final class RevisionsService implements HttpService {
    private final ArtifactPipeline pipeline;

    RevisionsService(ArtifactPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{artifact_id}/revisions", this::list)
                .any("/{artifact_id}/revisions", Routes.allow("GET"))
                .get("/{artifact_id}/revisions/{revision}", this::get)
                .any("/{artifact_id}/revisions/{revision}", Routes.allow("GET"));
    }

    private void list(ServerRequest request, ServerResponse response) {
        ArtifactId id = new ArtifactId(RequestParts.uuid(request, "artifact_id"));
        Json.send(response, Status.OK_200, pipeline.listRevisions().list(RequestParts.actor(request), id).stream()
                .map(Views::revision).toList());
    }

    private void get(ServerRequest request, ServerResponse response) {
        ArtifactId id = new ArtifactId(RequestParts.uuid(request, "artifact_id"));
        int number = RequestParts.wholeNumber(request, "revision");
        Json.send(response, Status.OK_200,
                Views.revisionWithContent(pipeline.getRevision().get(RequestParts.actor(request), id, number)));
    }
}
