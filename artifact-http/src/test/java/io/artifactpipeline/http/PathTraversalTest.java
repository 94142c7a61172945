package io.artifactpipeline.http;

import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths a browser would never send, written straight to the socket: none may reach an API route
 * without a token by dressing up as an open path (/observe, the web workspace's assets, /dev/token), nor
 * read a file outside the assets.
 */
class PathTraversalTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        TestServer.createProject(server.as("victim"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/observe/../api/projects", "/observe/%2e%2e/api/projects", "//api/projects",
            "/api/projects/", "/observe/health/../../api/projects", "/api//projects", "/./api/projects",
            "/observe%2F..%2Fapi/projects", "/API/projects", "/assets/../api/projects", "/assets/%2e%2e/api/projects",
            "/assets/..%2Fapi/projects", "/assets/../../etc/passwd", "/assets/%2e%2e/%2e%2e/pom.xml", "/dev/token/../../api/projects"})
    void noDisguisedPathReachesTheApiWithoutAToken(String path) throws IOException {
        String response = rawGet(path);
        String statusLine = response.lines().findFirst().orElse("");
        assertThat(statusLine).as(path).matches("HTTP/1\\.1 (400|401|404) .*");
        assertThat(response).doesNotContain("victim").doesNotContain("\"idea\"").doesNotContain("root:").doesNotContain("<project");
    }

    private static String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** Headers up to the blank line, then Content-Length bytes: the server may keep the connection open. */
    static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString();
            }
            head.append((char) b);
        }
        int length = head.toString().lines()
                .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).strip()))
                .findFirst().orElse(0);
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
