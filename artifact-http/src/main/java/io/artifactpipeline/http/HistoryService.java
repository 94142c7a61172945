package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.RevisionSummary;
import io.artifactpipeline.core.usecase.DiffRevisions;
import io.artifactpipeline.core.usecase.GetArtifact;
import io.artifactpipeline.core.usecase.GetRevision;
import io.artifactpipeline.core.usecase.ListRevisions;
import io.artifactpipeline.core.usecase.RestoreRevision;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code /api/artifacts/{id}/revisions}: an artifact's immutable history, a page at a time, one
 * revision with its content, what changed between two, and bringing a revision back.
 */
final class HistoryService implements HttpService {
    private final ListRevisions listRevisions;
    private final GetRevision getRevision;
    private final DiffRevisions diffRevisions;
    private final RestoreRevision restoreRevision;
    private final GetArtifact getArtifact;

    HistoryService(ListRevisions listRevisions, GetRevision getRevision, DiffRevisions diffRevisions,
                   RestoreRevision restoreRevision, GetArtifact getArtifact) {
        this.listRevisions = listRevisions;
        this.getRevision = getRevision;
        this.diffRevisions = diffRevisions;
        this.restoreRevision = restoreRevision;
        this.getArtifact = getArtifact;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{artifact_id}/revisions", this::list)
                .any("/{artifact_id}/revisions", Routes.allow("GET"))
                .get("/{artifact_id}/revisions/{from}/diff/{to}", this::diff)
                .any("/{artifact_id}/revisions/{from}/diff/{to}", Routes.allow("GET"))
                .post("/{artifact_id}/revisions/{revision}/restore", this::restore)
                .any("/{artifact_id}/revisions/{revision}/restore", Routes.allow("POST"))
                .get("/{artifact_id}/revisions/{revision}", this::get)
                .any("/{artifact_id}/revisions/{revision}", Routes.allow("GET"));
    }

    private void list(ServerRequest request, ServerResponse response) {
        ArtifactId id = artifactId(request);
        var query = new ListRevisions.Query(id, Paging.request(request, Paging.REVISIONS));
        Page<RevisionSummary, Integer> page = listRevisions.list(RequestParts.actor(request), query);
        Paging.linkNext(request, response, page, Paging.REVISIONS);
        Json.send(response, Status.OK_200, page.items().stream().map(Views::revision).toList());
    }

    private void diff(ServerRequest request, ServerResponse response) {
        var query = new DiffRevisions.Query(artifactId(request), RequestParts.wholeNumber(request, "from"),
                RequestParts.wholeNumber(request, "to"));
        Json.send(response, Status.OK_200, Views.diff(diffRevisions.diff(RequestParts.actor(request), query)));
    }

    private void get(ServerRequest request, ServerResponse response) {
        ArtifactId id = artifactId(request);
        int number = RequestParts.wholeNumber(request, "revision");
        Json.send(response, Status.OK_200,
                Views.revisionWithContent(getRevision.get(RequestParts.actor(request), new GetRevision.Query(id, number))));
    }

    private void restore(ServerRequest request, ServerResponse response) {
        ArtifactId id = artifactId(request);
        int number = RequestParts.wholeNumber(request, "revision");
        Actor actor = RequestParts.actor(request);
        var expected = EntityTags.expectedRowVersion(request, id, () -> getArtifact.get(actor, id).rowVersion());
        ArtifactsService.sendArtifact(response,
                restoreRevision.restore(actor, new RestoreRevision.Command(id, number, expected)));
    }

    private static ArtifactId artifactId(ServerRequest request) {
        return new ArtifactId(RequestParts.uuid(request, "artifact_id"));
    }
}
