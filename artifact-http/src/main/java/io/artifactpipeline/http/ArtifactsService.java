package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.usecase.EditArtifact;
import io.artifactpipeline.core.usecase.RegenerateArtifact;
import io.artifactpipeline.core.usecase.StartGeneration;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * {@code /api/artifacts}: the seven routes of the replaced system, with their paths, fields and codes
 * unchanged, plus the project's live event stream.
 */
final class ArtifactsService implements HttpService {
    static final String PATH = "/api/artifacts";
    private static final String GENERATING = "generating";

    private final ArtifactPipeline pipeline;
    private final Json json;
    private final ArtifactEventStreams events;

    ArtifactsService(ArtifactPipeline pipeline, Json json, ArtifactEventStreams events) {
        this.pipeline = pipeline;
        this.json = json;
        this.events = events;
    }

    record GenerateBody(String projectId, Boolean force) {
    }

    record RegenerateBody(Boolean force, String instructions) {
    }

    record EditBody(String sectionPath, JsonNode newValue) {
    }

    record AnnotateBody(String sectionId, String note) {
    }

    @Override
    public void routing(HttpRules rules) {
        // Literal paths first: "/generate" must not be taken for an artifact id.
        rules.post("/generate", this::generate)
                .any("/generate", Routes.allow("POST"))
                .get("/project/{project_id}/events", events::stream)
                .any("/project/{project_id}/events", Routes.allow("GET"))
                .get("/project/{project_id}", this::listByProject)
                .any("/project/{project_id}", Routes.allow("GET"))
                .get("/{artifact_id}/status", this::status)
                .any("/{artifact_id}/status", Routes.allow("GET"))
                .post("/{artifact_id}/regenerate", this::regenerate)
                .any("/{artifact_id}/regenerate", Routes.allow("POST"))
                .patch("/{artifact_id}/edit", this::edit)
                .any("/{artifact_id}/edit", Routes.allow("PATCH"))
                .post("/{artifact_id}/annotate", this::annotate)
                .any("/{artifact_id}/annotate", Routes.allow("POST"))
                .get("/{artifact_id}", this::get)
                .any("/{artifact_id}", Routes.allow("GET"));
    }

    private void generate(ServerRequest request, ServerResponse response) {
        GenerateBody body = json.read(request, GenerateBody.class);
        if (body.projectId() == null) {
            throw InvalidInputException.of("project_id", "is required");
        }
        ProjectId projectId = new ProjectId(uuidField(body.projectId(), "project_id"));
        var outcome = pipeline.startGeneration().start(RequestParts.actor(request), projectId,
                Boolean.TRUE.equals(body.force()));
        switch (outcome) {
            case StartGeneration.Outcome.Started started -> {
                response.header(HeaderNames.LOCATION, GenerationsService.PATH + "/" + started.generation().id());
                Json.send(response, Status.ACCEPTED_202, new Views.GenerateView(started.generation().id().toString(),
                        started.generation().items().size(), GENERATING));
            }
            case StartGeneration.Outcome.NothingToDo nothing ->
                    Json.send(response, Status.OK_200, new Views.GenerateView(null, 0, "idle"));
        }
    }

    private void listByProject(ServerRequest request, ServerResponse response) {
        ProjectId projectId = new ProjectId(RequestParts.uuid(request, "project_id"));
        Json.send(response, Status.OK_200, pipeline.listProjectArtifacts().list(RequestParts.actor(request), projectId)
                .stream().map(Views::artifact).toList());
    }

    private void get(ServerRequest request, ServerResponse response) {
        Artifact artifact = pipeline.getArtifact().get(RequestParts.actor(request), artifactId(request));
        Optional<String> ifNoneMatch = request.headers().first(HeaderNames.IF_NONE_MATCH);
        response.header(HeaderNames.ETAG, EntityTags.of(artifact));
        response.header(HeaderNames.CACHE_CONTROL, "private, no-cache");
        if (ifNoneMatch.isPresent() && EntityTags.noneMatchHits(ifNoneMatch.get(), artifact)) {
            response.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        Json.send(response, Status.OK_200, Views.artifact(artifact));
    }

    private void status(ServerRequest request, ServerResponse response) {
        var status = pipeline.getArtifactStatus().get(RequestParts.actor(request), artifactId(request));
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        Json.send(response, Status.OK_200, Views.status(status));
    }

    private void regenerate(ServerRequest request, ServerResponse response) {
        ArtifactId id = artifactId(request);
        // The replaced system's client may post no body at all: that means the defaults.
        RegenerateBody body = json.readOrDefault(request, RegenerateBody.class, new RegenerateBody(null, null));
        var outcome = pipeline.regenerateArtifact().regenerate(RequestParts.actor(request), id,
                new RegenerateArtifact.Request(Boolean.TRUE.equals(body.force()), body.instructions()));
        switch (outcome) {
            case RegenerateArtifact.Outcome.EditsWouldBeLost warning -> Json.send(response, Status.OK_200,
                    new Views.RegenerateWarningView(true, warning.editedSections(), warning.artifactId().toString(),
                            warning.type().wireName()));
            case RegenerateArtifact.Outcome.Started started -> {
                response.header(HeaderNames.LOCATION, GenerationsService.PATH + "/" + started.generation().id());
                Json.send(response, Status.ACCEPTED_202, new Views.RegenerateStartedView(
                        started.generation().id().toString(), started.artifactId().toString(), GENERATING));
            }
        }
    }

    private void edit(ServerRequest request, ServerResponse response) {
        ArtifactId id = artifactId(request);
        Actor actor = RequestParts.actor(request);
        EditBody body = json.read(request, EditBody.class);
        OptionalLong expected = expectedRowVersion(request, actor, id);
        Artifact edited = pipeline.editArtifact().edit(actor, id,
                new EditArtifact.Request(body.sectionPath(), body.newValue(), expected));
        sendArtifact(response, edited);
    }

    private void annotate(ServerRequest request, ServerResponse response) {
        ArtifactId id = artifactId(request);
        AnnotateBody body = json.read(request, AnnotateBody.class);
        Artifact annotated = pipeline.annotateArtifact().annotate(RequestParts.actor(request), id, body.sectionId(),
                body.note());
        sendArtifact(response, annotated);
    }

    /** If-Match as the core's expected row version; a list of several tags matches if the current one is in it. */
    private OptionalLong expectedRowVersion(ServerRequest request, Actor actor, ArtifactId id) {
        Optional<String> ifMatch = request.headers().first(HeaderNames.IF_MATCH);
        if (ifMatch.isEmpty()) {
            return OptionalLong.empty();
        }
        List<Long> versions = EntityTags.ifMatch(ifMatch.get(), id);
        if (versions.size() <= 1) {
            return versions.isEmpty() ? OptionalLong.empty() : OptionalLong.of(versions.getFirst());
        }
        long current = pipeline.getArtifact().get(actor, id).rowVersion();
        if (!versions.contains(current)) {
            throw ClientError.preconditionFailed("If-Match names no current version of this artifact");
        }
        return OptionalLong.of(current);
    }

    private static void sendArtifact(ServerResponse response, Artifact artifact) {
        response.header(HeaderNames.ETAG, EntityTags.of(artifact));
        Json.send(response, Status.OK_200, Views.artifact(artifact));
    }

    private static ArtifactId artifactId(ServerRequest request) {
        return new ArtifactId(RequestParts.uuid(request, "artifact_id"));
    }

    private static UUID uuidField(String value, String field) {
        if (!RequestParts.isUuid(value)) {
            throw ClientError.badRequest("'" + field + "' must be a UUID");
        }
        return UUID.fromString(value);
    }
}
