package io.artifactpipeline.http;

import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.usecase.GetRevision;
import io.artifactpipeline.core.usecase.ListRevisions;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /api/artifacts/{id}/revisions}: an artifact's immutable history. */
final class RevisionsService implements HttpService {
    private final ListRevisions listRevisions;
    private final GetRevision getRevision;

    RevisionsService(ListRevisions listRevisions, GetRevision getRevision) {
        this.listRevisions = listRevisions;
        this.getRevision = getRevision;
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
        Json.send(response, Status.OK_200, listRevisions.list(RequestParts.actor(request), id).stream()
                .map(Views::revision).toList());
    }

    private void get(ServerRequest request, ServerResponse response) {
        ArtifactId id = new ArtifactId(RequestParts.uuid(request, "artifact_id"));
        int number = RequestParts.wholeNumber(request, "revision");
        Json.send(response, Status.OK_200,
                Views.revisionWithContent(getRevision.get(RequestParts.actor(request), new GetRevision.Query(id, number))));
    }
}
