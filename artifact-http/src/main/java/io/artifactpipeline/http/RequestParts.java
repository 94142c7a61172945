package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Actor;
import io.helidon.webserver.http.ServerRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/** What handlers take from a request besides its body: the authenticated caller and the ids in the path. */
final class RequestParts {
    // UUID.fromString accepts forms like "1-1-1-1-1"; only the canonical 8-4-4-4-12 form is an id here.
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RequestParts() {
    }

    /** The caller the authentication filter registered; its absence is a wiring bug, hence a 500. */
    static Actor actor(ServerRequest request) {
        return request.context().get(Actor.class)
                .orElseThrow(() -> new IllegalStateException("no authenticated caller on an API route"));
    }

    /** The path parameter as an id; anything but a canonical UUID is a bad request. */
    static UUID uuid(ServerRequest request, String parameter) {
        return uuid(request.path().pathParameters().get(parameter), parameter);
    }

    /** A path parameter's or a body field's text as an id; anything but a canonical UUID is a bad request. */
    static UUID uuid(String text, String name) {
        if (!CANONICAL_UUID.matcher(text).matches()) {
            throw ClientError.badRequest("'" + name + "' must be a UUID");
        }
        return UUID.fromString(text);
    }

    static int wholeNumber(ServerRequest request, String parameter) {
        String raw = request.path().pathParameters().get(parameter);
        if (!raw.matches("[0-9]{1,9}")) {
            throw ClientError.badRequest("'" + parameter + "' must be a whole number");
        }
        return Integer.parseInt(raw);
    }
}
