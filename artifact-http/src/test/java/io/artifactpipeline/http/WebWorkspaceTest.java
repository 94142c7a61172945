package io.artifactpipeline.http;

import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The web workspace's files at {@code /}: public, strict about what a browser may do with them, and nothing more. */
class WebWorkspaceTest {
    private static TestServer server;
    private static ApiClient anonymous;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        anonymous = server.anonymous();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thePageIsServedAtTheRootWithoutATokenAndWithStrictSecurityHeaders() {
        ApiClient.Response page = anonymous.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/assets/app.js\"></script>");
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void everyScriptAndStylesheetTheAppUsesIsServedWithItsType() throws IOException {
        assertThat(anonymous.get("/assets/app.css").contentType()).startsWith("text/css");
        assertThat(anonymous.get("/assets/favicon.svg").contentType()).startsWith("image/svg+xml");
        for (String module : modulesOf("app.js")) {
            ApiClient.Response script = anonymous.get("/assets/" + module);
            assertThat(script.status()).as(module).isEqualTo(200);
            assertThat(script.contentType()).as(module).isIn("text/javascript", "application/javascript");
            assertThat(script.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void thePagesCarryNoInlineScriptOrStyleAndNeverParseApiTextAsHtml() throws IOException {
        String page = resource("index.html");
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("style=").doesNotContain("<style")
                .doesNotContainPattern("\\son[a-z]+=");
        for (String module : modulesOf("app.js")) {
            assertThat(resource("assets/" + module)).as(module)
                    .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write").doesNotContain("eval(").doesNotContain("new Function");
        }
    }

    @Test
    void theApiStillAnswersItsOwnProblemsAndOtherPathsStayClosed() {
        assertProblem(anonymous.get("/api/projects"), 401);
        assertProblem(server.as("alice").get("/api/nothing-here"), 404);
        assertProblem(anonymous.get("/elsewhere"), 401);
        assertProblem(anonymous.get("/assets/no-such-file.js"), 404);
        assertProblem(anonymous.get("/assets/../api/projects"), 401);
        assertThat(anonymous.get("/api/projects").header("Content-Security-Policy")).isNull();
    }

    @Test
    void switchedOffTheWorkspaceIsNotThere() {
        try (TestServer apiOnly = TestServer.start((p, m) -> { }, a -> a, s -> s.web(false))) {
            assertProblem(apiOnly.anonymous().get("/"), 404);
            assertProblem(apiOnly.anonymous().get("/assets/app.js"), 404);
            assertProblem(apiOnly.anonymous().get("/api/projects"), 401);
        }
    }

    /** app.js and every module it imports, transitively. */
    private static java.util.Set<String> modulesOf(String entry) throws IOException {
        java.util.Set<String> found = new java.util.TreeSet<>();
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(java.util.List.of(entry));
        Pattern imports = Pattern.compile("from '\\./([a-z-]+\\.js)'");
        while (!pending.isEmpty()) {
            String module = pending.pop();
            if (found.add(module)) {
                Matcher m = imports.matcher(resource("assets/" + module));
                while (m.find()) {
                    pending.push(m.group(1));
                }
            }
        }
        assertThat(found).contains("app.js", "api.js", "events.js", "document.js");
        return found;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = WebWorkspaceTest.class.getClassLoader().getResourceAsStream("web/" + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
