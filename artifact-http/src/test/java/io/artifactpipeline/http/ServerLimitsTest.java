package io.artifactpipeline.http;

import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.Eventually;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The web server's own limits: connections open at once and requests in flight at once. */
class ServerLimitsTest {

    @Test
    void requestsBeyondTheConcurrencyLimitGetA503ProblemUntilOneEnds() throws Exception {
        // A short heartbeat: a closed stream is noticed, and its request ended, at the next one.
        try (TestServer server = TestServer.start((p, m) -> { }, a -> a,
                http -> http.maxConcurrentRequests(2).heartbeat(Duration.ofMillis(100)))) {
            ApiClient alice = server.as("alice-limits");
            String projectId = TestServer.createProject(alice);
            // Event streams are requests that stay in flight.
            HttpResponse<Stream<String>> first = openStream(alice, projectId);
            HttpResponse<Stream<String>> second = openStream(alice, projectId);
            ApiClient.Response refused = alice.get("/api/projects");
            assertProblem(refused, 503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");

            first.body().close();
            second.body().close();
            Eventually.await("a slot to free up", Duration.ofSeconds(60),
                    () -> alice.get("/api/projects").status() == 200);
        }
    }

    @Test
    void connectionsBeyondTheLimitWaitUntilOneCloses() throws Exception {
        try (TestServer server = TestServer.start((p, m) -> { }, a -> a, http -> http.maxConnections(2));
             Socket first = connect(server);
             Socket second = connect(server);
             Socket third = connect(server)) {
            assertThat(healthOver(first)).startsWith("HTTP/1.1 200");
            assertThat(healthOver(second)).startsWith("HTTP/1.1 200");
            third.setSoTimeout(1_000);
            assertThatThrownBy(() -> healthOver(third)).as("not served while two connections are open")
                    .isInstanceOf(SocketTimeoutException.class);

            first.close();
            third.setSoTimeout(60_000);
            assertThat(readStatusLine(third.getInputStream())).startsWith("HTTP/1.1 200");
        }
    }

    private static HttpResponse<Stream<String>> openStream(ApiClient client, String projectId) throws Exception {
        HttpResponse<Stream<String>> response = ApiClient.HTTP.send(
                client.request("/api/artifacts/project/" + projectId + "/events").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static Socket connect(TestServer server) throws IOException {
        return new Socket("127.0.0.1", server.server.port());
    }

    /** Sends a keep-alive health request and reads its status line. */
    private static String healthOver(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET /observe/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readStatusLine(socket.getInputStream());
    }

    private static String readStatusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
