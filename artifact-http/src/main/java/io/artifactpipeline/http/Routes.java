package io.artifactpipeline.http;

import io.helidon.webserver.http.Handler;

/** Small pieces the services share when declaring routes. */
final class Routes {
    private Routes() {
    }

    /**
     * The handler registered after a path's real methods: any other method on a known path is a 405 with
     * {@code Allow}, not the 404 an unknown path gets.
     */
    static Handler allow(String... methods) {
        return (request, response) -> {
            throw ClientError.methodNotAllowed(methods);
        };
    }
}
