package io.artifactpipeline.http;

import io.artifactpipeline.core.error.StoreUnavailableException;
import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.ProjectPosition;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.ProjectStore;
import io.artifactpipeline.core.testing.AllStores;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** A failing store: the client learns nothing of it but a status and a correlation id; the log learns all. */
class UnexpectedErrorsTest {
    private static final String SECRET = "SELECT * FROM projects WHERE owner = 'x' -- db.internal:5432";
    // A strong reference: JUL holds loggers weakly, and a collected one takes its handlers with it.
    private static final Logger PROBLEM_LOG = Logger.getLogger(ProblemMapping.class.getName());
    private static final List<LogRecord> LOGGED = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LOGGED.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static TestServer server;

    /** Lists blow up like a driver bug; finds report the database as down. */
    static final class BrokenProjects implements ProjectStore {
        @Override
        public Project create(Project project) {
            return project;
        }

        @Override
        public Optional<Project> findProject(UserId owner, ProjectId id) {
            throw new StoreUnavailableException("connection to db.internal:5432 refused",
                    new SQLException(SECRET, "08001"));
        }

        @Override
        public int countProjects(UserId owner) {
            return 0;
        }

        @Override
        public Page<Project, ProjectPosition> page(UserId owner, PageRequest<ProjectPosition> request) {
            throw new IllegalStateException(SECRET, new SQLException(SECRET));
        }
    }

    @BeforeAll
    static void start() {
        PROBLEM_LOG.addHandler(CAPTURE);
        server = TestServer.start((pipeline, model) -> pipeline.store(AllStores.inMemoryWith(new BrokenProjects())), a -> a, s -> { });
    }

    @AfterAll
    static void stop() {
        PROBLEM_LOG.removeHandler(CAPTURE);
        server.close();
    }

    @Test
    void anUnexpectedErrorIsAGeneric500WithACorrelationIdThatIsLoggedWithTheException() {
        ApiClient.Response response = server.as("alice").get("/api/projects");
        assertProblem(response, 500);
        String correlationId = response.json().get("correlation_id").asText();
        assertThat(UUID.fromString(correlationId)).isNotNull();
        assertThat(response.json().get("detail").asText()).contains(correlationId);
        assertThat(response.body()).doesNotContain("SELECT").doesNotContain("db.internal").doesNotContain("IllegalState");
        assertThat(LOGGED).anySatisfy(record -> {
            assertThat(record.getMessage()).contains(correlationId);
            assertThat(record.getThrown()).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void anUnavailableStoreIs503WithoutItsDetails() {
        ApiClient.Response response = server.as("alice").get("/api/projects/" + UUID.randomUUID());
        assertProblem(response, 503);
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.body()).doesNotContain("db.internal").doesNotContain("08001");
    }
}
