package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.ProjectPosition;
import io.artifactpipeline.core.usecase.CreateProject;
import io.artifactpipeline.core.usecase.GetProject;
import io.artifactpipeline.core.usecase.ListProjects;
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

    private final CreateProject createProject;
    private final ListProjects listProjects;
    private final GetProject getProject;
    private final Json json;

    ProjectsService(CreateProject createProject, ListProjects listProjects, GetProject getProject, Json json) {
        this.createProject = createProject;
        this.listProjects = listProjects;
        this.getProject = getProject;
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
        Project project = createProject.create(RequestParts.actor(request),
                new CreateProject.Command(body.name(), body.idea(), body.answers()));
        response.header(HeaderNames.LOCATION, PATH + "/" + project.id());
        Json.send(response, Status.CREATED_201, Views.project(project));
    }

    private void list(ServerRequest request, ServerResponse response) {
        var query = new ListProjects.Query(Paging.request(request, Paging.PROJECTS));
        Page<Project, ProjectPosition> page = listProjects.list(RequestParts.actor(request), query);
        Paging.linkNext(request, response, page, Paging.PROJECTS);
        Json.send(response, Status.OK_200, page.items().stream().map(Views::project).toList());
    }

    private void get(ServerRequest request, ServerResponse response) {
        ProjectId id = new ProjectId(RequestParts.uuid(request, "project_id"));
        Json.send(response, Status.OK_200, Views.project(getProject.get(RequestParts.actor(request), id)));
    }
}
