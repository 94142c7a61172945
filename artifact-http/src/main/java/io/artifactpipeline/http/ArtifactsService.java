package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.usecase.AnnotateArtifact;
import io.artifactpipeline.core.usecase.EditArtifact;
import io.artifactpipeline.core.usecase.GetArtifact;
import io.artifactpipeline.core.usecase.GetArtifactStatus;
import io.artifactpipeline.core.usecase.ListProjectArtifacts;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.OptionalLong;

/**
 * {@code /api/artifacts}: reading, editing and annotating artifacts, with the paths, fields and codes of
 * the replaced system. Starting work is {@link GenerateService}; the live stream is {@link ArtifactEventStreams}.
 */
final class ArtifactsService implements HttpService {
    static final String PATH = "/api/artifacts";

    private final GetArtifact getArtifact;
    private final GetArtifactStatus getArtifactStatus;
    private final ListProjectArtifacts listProjectArtifacts;
    private final EditArtifact editArtifact;
    private final AnnotateArtifact annotateArtifact;
    private final Json json;
    private final RenderedArtifacts rendered = new RenderedArtifacts();

    ArtifactsService(GetArtifact getArtifact, GetArtifactStatus getArtifactStatus,
                     ListProjectArtifacts listProjectArtifacts, EditArtifact editArtifact,
                     AnnotateArtifact annotateArtifact, Json json) {
        this.getArtifact = getArtifact;
        this.getArtifactStatus = getArtifactStatus;
        this.listProjectArtifacts = listProjectArtifacts;
        this.editArtifact = editArtifact;
        this.annotateArtifact = annotateArtifact;
        this.json = json;
    }

    record EditBody(String sectionPath, JsonNode newValue) {
    }

    record AnnotateBody(String sectionId, String note) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/project/{project_id}", this::listByProject)
                .any("/project/{project_id}", Routes.allow("GET"))
                .get("/{artifact_id}/status", this::status)
                .any("/{artifact_id}/status", Routes.allow("GET"))
                .patch("/{artifact_id}/edit", this::edit)
                .any("/{artifact_id}/edit", Routes.allow("PATCH"))
                .post("/{artifact_id}/annotate", this::annotate)
                .any("/{artifact_id}/annotate", Routes.allow("POST"))
                .get("/{artifact_id}", this::get)
                .any("/{artifact_id}", Routes.allow("GET"));
    }

    private void listByProject(ServerRequest request, ServerResponse response) {
        ProjectId projectId = new ProjectId(RequestParts.uuid(request, "project_id"));
        Json.send(response, Status.OK_200, listProjectArtifacts.list(RequestParts.actor(request), projectId)
                .stream().map(Views::artifact).toList());
    }

    private void get(ServerRequest request, ServerResponse response) {
        Artifact artifact = getArtifact.get(RequestParts.actor(request), artifactId(request));
        if (!EntityTags.notModified(request, response, EntityTags.of(artifact))) {
            Json.sendJson(response, Status.OK_200, rendered.json(artifact));
        }
    }

    private void status(ServerRequest request, ServerResponse response) {
        ArtifactId id = artifactId(request);
        ArtifactProgress progress = getArtifactStatus.get(RequestParts.actor(request), id);
        if (!EntityTags.notModified(request, response, EntityTags.ofStatus(id, progress))) {
            Json.send(response, Status.OK_200, Views.status(progress));
        }
    }

    private void edit(ServerRequest request, ServerResponse response) {
        ArtifactId id = artifactId(request);
        Actor actor = RequestParts.actor(request);
        EditBody body = json.read(request, EditBody.class);
        OptionalLong expected = EntityTags.expectedRowVersion(request, id, () -> getArtifact.get(actor, id).rowVersion());
        Artifact edited = editArtifact.edit(actor, EditArtifact.Command.of(id, body.sectionPath(), body.newValue(), expected));
        sendArtifact(response, edited);
    }

    private void annotate(ServerRequest request, ServerResponse response) {
        ArtifactId id = artifactId(request);
        AnnotateBody body = json.read(request, AnnotateBody.class);
        Artifact annotated = annotateArtifact.annotate(RequestParts.actor(request), new AnnotateArtifact.Command(id, body.sectionId(), body.note()));
        sendArtifact(response, annotated);
    }

    static void sendArtifact(ServerResponse response, Artifact artifact) {
        response.header(HeaderNames.ETAG, EntityTags.of(artifact));
        Json.send(response, Status.OK_200, Views.artifact(artifact));
    }

    private static ArtifactId artifactId(ServerRequest request) {
        return new ArtifactId(RequestParts.uuid(request, "artifact_id"));
    }
}
