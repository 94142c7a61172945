package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.http.security.AuthSettings;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code POST /dev/token}: the web workspace's "Sign in as", in development auth, for this machine only. */
class DevTokenTest {
    private static Path dataDirectory;
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        dataDirectory = Files.createTempDirectory("dev-token-test");
        // Bound to every address (allowed here on purpose), so that callers from off this machine can be tried.
        AuthSettings development = AuthSettings.development(dataDirectory).withRemoteDevelopmentAllowed(true);
        // The server verifies with the development keys, and is told it is in development auth.
        server = TestServer.start((p, m) -> { }, ignored -> development, s -> s.auth(development).host("0.0.0.0"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aLocalBrowserGetsATokenTheApiAccepts() {
        ApiClient.Response issued = server.anonymous().post("/dev/token", "{\"user\":\"founder-1\",\"tier\":\"partner\"}");
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
        String token = issued.json().get("token").asText();
        JsonNode claims = claims(token);
        assertThat(claims.get("sub").asText()).isEqualTo("founder-1");
        assertThat(claims.get("tier").asText()).isEqualTo("partner");

        ApiClient founder = server.withToken(token);
        String projectId = TestServer.createProject(founder);
        assertThat(founder.get("/api/projects/" + projectId).status()).isEqualTo(200);
        assertProblem(server.as("someone-else").get("/api/projects/" + projectId), 401); // not a development key
    }

    @Test
    void withoutATierTheTokenIsForTheDefaultTier() {
        ApiClient.Response issued = server.anonymous().post("/dev/token", "{\"user\":\"founder-2\"}");
        assertThat(issued.status()).isEqualTo(200);
        assertThat(claims(issued.json().get("token").asText()).get("tier").asText()).isEqualTo("bootstrapper");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"user\":\"\"}", "{\"user\":\"   \"}", "{\"tier\":\"partner\"}",
            "{\"user\":\"a\",\"tier\":\"gold\"}", "{\"user\":\"line\\nbreak\"}"})
    void invalidValuesAre422WithTheFieldNamed(String body) {
        ApiClient.Response refused = server.anonymous().post("/dev/token", body);
        assertProblem(refused, 422);
        assertThat(refused.json().get("errors").get(0).get("path").asText()).isIn("user", "tier");
    }

    @Test
    void aUserIdOfAtMost255CharactersIsAccepted() {
        assertThat(server.anonymous().post("/dev/token", "{\"user\":\"" + "u".repeat(255) + "\"}").status()).isEqualTo(200);
        assertProblem(server.anonymous().post("/dev/token", "{\"user\":\"" + "u".repeat(256) + "\"}"), 422);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"user\":5}", "{\"user\":\"a\",\"admin\":true}", "[\"a\"]"})
    void malformedBodiesAre400(String body) {
        assertProblem(server.anonymous().send("POST", "/dev/token", body.isEmpty() ? null : body), 400);
    }

    @Test
    void otherMethodsAre405() {
        ApiClient.Response get = server.anonymous().get("/dev/token");
        assertProblem(get, 405);
        assertThat(get.header("Allow")).isEqualTo("POST");
    }

    @Test
    void requestsThatMayComeFromElsewhereAre403() throws IOException {
        String body = "{\"user\":\"mallory\"}";
        assertThat(rawPost("127.0.0.1", "127.0.0.1:" + port(), "", body)).startsWith("HTTP/1.1 200");
        assertThat(rawPost("127.0.0.1", "localhost:" + port(), "Origin: http://localhost:" + port() + "\r\n", body))
                .startsWith("HTTP/1.1 200");
        // DNS rebinding: a hostile name resolving to 127.0.0.1
        assertThat(rawPost("127.0.0.1", "evil.example:" + port(), "", body)).startsWith("HTTP/1.1 403");
        // a hostile page in the founder's own browser
        assertThat(rawPost("127.0.0.1", "127.0.0.1:" + port(), "Origin: https://evil.example\r\n", body))
                .startsWith("HTTP/1.1 403");
        // a reverse proxy on this machine relaying someone else
        assertThat(rawPost("127.0.0.1", "127.0.0.1:" + port(), "X-Forwarded-For: 203.0.113.9\r\n", body))
                .startsWith("HTTP/1.1 403");
        assertThat(rawPost("127.0.0.1", "127.0.0.1:" + port(), "Forwarded: for=203.0.113.9\r\n", body))
                .startsWith("HTTP/1.1 403");
    }

    @Test
    void aClientOnAnotherAddressIs403() throws IOException {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .filter(DevTokenTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeTrue(external.isPresent(), "this machine has no non-loopback address to connect from");
        String response = rawPost(external.get().getHostAddress(), "127.0.0.1:" + port(), "", "{\"user\":\"mallory\"}");
        assertThat(response).startsWith("HTTP/1.1 403");
        assertThat(response).doesNotContain("\"token\"");
    }

    @Test
    void withAJwksConfiguredTheRouteIsAbsent() {
        try (TestServer production = TestServer.start()) {
            assertProblem(production.anonymous().post("/dev/token", "{\"user\":\"founder-1\"}"), 404);
            assertProblem(production.anonymous().get("/dev/token"), 404);
        }
    }

    private static int port() {
        return server.server.port();
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode claims(String token) {
        try {
            return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A POST written straight to the socket, so that Host, Origin and forwarding headers are exactly these. */
    private static String rawPost(String address, String host, String extraHeaders, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(address, port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /dev/token HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders
                    + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return PathTraversalTest.readResponse(socket.getInputStream());
        }
    }
}
