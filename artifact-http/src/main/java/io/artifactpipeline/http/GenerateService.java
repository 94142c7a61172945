package io.artifactpipeline.http;

import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.usecase.RegenerateArtifact;
import io.artifactpipeline.core.usecase.StartGeneration;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code POST /api/artifacts/generate} and {@code POST /api/artifacts/{id}/regenerate}: the two routes
 * of the replaced system that start work in the background.
 */
final class GenerateService implements HttpService {
    private static final String GENERATING = "generating";

    private final StartGeneration startGeneration;
    private final RegenerateArtifact regenerateArtifact;
    private final RegenerationWait wait;
    private final Json json;

    GenerateService(StartGeneration startGeneration, RegenerateArtifact regenerateArtifact, RegenerationWait wait,
                    Json json) {
        this.startGeneration = startGeneration;
        this.regenerateArtifact = regenerateArtifact;
        this.wait = wait;
        this.json = json;
    }

    record GenerateBody(String projectId, Boolean force) {
    }

    record RegenerateBody(Boolean force, String instructions) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/generate", this::generate)
                .any("/generate", Routes.allow("POST"))
                .post("/{artifact_id}/regenerate", this::regenerate)
                .any("/{artifact_id}/regenerate", Routes.allow("POST"));
    }

    private void generate(ServerRequest request, ServerResponse response) {
        GenerateBody body = json.read(request, GenerateBody.class);
        if (body.projectId() == null) {
            throw InvalidInputException.of("project_id", "is required");
        }
        var command = new StartGeneration.Command(new ProjectId(RequestParts.uuid(body.projectId(), "project_id")),
                Boolean.TRUE.equals(body.force()));
        switch (startGeneration.start(RequestParts.actor(request), command)) {
            case StartGeneration.Outcome.Started started -> {
                response.header(HeaderNames.LOCATION, GenerationsService.PATH + "/" + started.generation().id());
                Json.send(response, Status.ACCEPTED_202, new Views.GenerateView(started.generation().id().toString(),
                        started.generation().items().size(), GENERATING, started.generation().items().stream()
                        .map(item -> item.type().wireName()).toList()));
            }
            case StartGeneration.Outcome.NothingToDo nothing ->
                    Json.send(response, Status.OK_200, new Views.GenerateView(null, 0, "idle", List.of()));
        }
    }

    private void regenerate(ServerRequest request, ServerResponse response) {
        ArtifactId id = new ArtifactId(RequestParts.uuid(request, "artifact_id"));
        // The replaced system's client may post no body at all: that means the defaults.
        RegenerateBody body = json.readOrDefault(request, RegenerateBody.class, new RegenerateBody(null, null));
        var command = new RegenerateArtifact.Command(id, Boolean.TRUE.equals(body.force()),
                Optional.ofNullable(body.instructions()));
        Actor actor = RequestParts.actor(request);
        OptionalInt waitSeconds = RegenerationWait.requested(request);
        switch (regenerateArtifact.regenerate(actor, command)) {
            case RegenerateArtifact.Outcome.EditsWouldBeLost warning -> Json.send(response, Status.OK_200,
                    new Views.RegenerateWarningView(true, warning.editedSections(), warning.artifactId().toString(),
                            warning.type().wireName()));
            case RegenerateArtifact.Outcome.Started started -> {
                if (waitSeconds.isPresent()) {
                    Optional<Artifact> ended = wait.awaitEnd(actor, started.artifactId(),
                            started.generation().projectId(), Duration.ofSeconds(waitSeconds.getAsInt()));
                    if (ended.isPresent()) {
                        response.header(HeaderNames.create("Preference-Applied"), "wait=" + waitSeconds.getAsInt());
                        ArtifactsService.sendArtifact(response, ended.get());
                        return;
                    }
                }
                response.header(HeaderNames.LOCATION, GenerationsService.PATH + "/" + started.generation().id());
                Json.send(response, Status.ACCEPTED_202, new Views.RegenerateStartedView(
                        started.generation().id().toString(), started.artifactId().toString(), GENERATING));
            }
        }
    }
}
