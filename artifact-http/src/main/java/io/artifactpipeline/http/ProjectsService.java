package io.artifactpipeline.http;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.usecase.NewProject;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;

/** {@code /api/projects}: the onboarding data artifacts are written from. */
final class ProjectsService implements HttpService {
    static final String PATH = "/api/projects";

    private final ArtifactPipeline pipeline;
    private final Json json;

    ProjectsService(ArtifactPipeline pipeline, Json json) {
        this.pipeline = pipeline;
        this.json = json;
    }

    record CreateProjectBody(String name, String idea, Map<String, String> answers) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .get("/", this::list)
                .any("/", Routes.allow("GET", "POST"))
                .get("/{project_id}", this::get)
                .any("/{project_id}", Routes.allow("GET"));
    }

    private void create(ServerRequest request, ServerResponse response) {
        CreateProjectBody body = json.read(request, CreateProjectBody.class);
        Project project = pipeline.createProject().create(RequestParts.actor(request),
                new NewProject(body.name(), body.idea(), body.answers()));
        response.header(HeaderNames.LOCATION, PATH + "/" + project.id());
        Json.send(response, Status.CREATED_201, Views.project(project));
    }

    private void list(ServerRequest request, ServerResponse response) {
        Json.send(response, Status.OK_200, pipeline.listProjects().list(RequestParts.actor(request)).stream()
                .map(Views::project).toList());
    }

    private void get(ServerRequest request, ServerResponse response) {
        ProjectId id = new ProjectId(RequestParts.uuid(request, "project_id"));
        Json.send(response, Status.OK_200, Views.project(pipeline.getProject().get(RequestParts.actor(request), id)));
    }
}
