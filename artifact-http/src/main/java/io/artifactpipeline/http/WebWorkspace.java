package io.artifactpipeline.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

/**
 * The founders' web workspace (WEB.md): {@code index.html} at {@code /} and its scripts and styles under
 * {@code /assets/}, served from the classpath folder {@value #RESOURCE_ROOT}. It is a client of the API
 * like any other, so its files are public; only these paths are, so that everything else stays behind
 * authentication by default.
 */
final class WebWorkspace {
    static final String RESOURCE_ROOT = "web";
    static final String ASSETS = "/assets/";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private WebWorkspace() {
    }

    /** Registers the static files last, so that a path no file matches falls through to the usual 404. */
    static void register(HttpRouting.Builder routing) {
        routing.addFilter(new SecurityHeaders())
                .register("/", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location(RESOURCE_ROOT)
                        .welcome("index.html")
                        .build()));
    }

    /** True for the paths the workspace's files live at: the page itself and its assets. */
    static boolean isWebPath(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith(ASSETS);
    }

    /**
     * The page runs no inline script or style and loads nothing from elsewhere, so a strict policy costs
     * nothing and turns any injected markup into inert text; {@code no-cache} makes a browser revalidate
     * (by ETag) so a new server version's files are picked up at once.
     */
    private static final class SecurityHeaders implements Filter {
        @Override
        public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
            if (isWebPath(request.path().path())) {
                response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                response.header("X-Content-Type-Options", "nosniff");
                response.header("Referrer-Policy", "no-referrer");
                response.header(HeaderNames.CACHE_CONTROL, "no-cache");
            }
            chain.proceed();
        }
    }
}
