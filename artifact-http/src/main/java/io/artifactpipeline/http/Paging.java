package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.ProjectPosition;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paged lists: {@code ?limit=} (1..100, default 50) and {@code ?cursor=}, and the next page's URL in a
 * {@code Link: <...>; rel="next"} header (RFC 8288). The cursor is opaque to clients: the store's keyset
 * position in base64url, tagged by list so that one list's cursor is refused by another.
 */
final class Paging {
    private static final Pattern PROJECT = Pattern.compile(
            "p1:(-?[0-9]{1,12})\\.([0-9]{1,9}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final Pattern REVISION = Pattern.compile("r1:([0-9]{1,9})");

    private Paging() {
    }

    /** How a list's positions become cursors and back; a cursor that is not one of ours is a 400. */
    record Cursors<K>(Function<K, String> write, Function<String, Optional<K>> read) {
    }

    static final Cursors<ProjectPosition> PROJECTS = new Cursors<>(
            position -> "p1:" + position.createdAt().getEpochSecond() + "." + position.createdAt().getNano() + ":"
                    + position.id(),
            text -> matched(PROJECT, text).map(m -> new ProjectPosition(
                    Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
                    new ProjectId(UUID.fromString(m.group(3))))));

    static final Cursors<Integer> REVISIONS = new Cursors<>(
            number -> "r1:" + number,
            text -> matched(REVISION, text).map(m -> Integer.parseInt(m.group(1))));

    /** The page the request asks for. */
    static <K> PageRequest<K> request(ServerRequest request, Cursors<K> cursors) {
        return new PageRequest<>(limit(request), request.query().first("cursor").asOptional()
                .map(cursor -> decode(cursor).flatMap(text -> readSafely(cursors, text))
                        .orElseThrow(() -> ClientError.badRequest("'cursor' is not a cursor this list gave out"))));
    }

    /** Adds the Link header to the next page when there is one. */
    static <T, K> void linkNext(ServerRequest request, ServerResponse response, Page<T, K> page, Cursors<K> cursors) {
        page.nextAfter().ifPresent(next -> {
            String cursor = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(cursors.write().apply(next).getBytes(StandardCharsets.UTF_8));
            String url = request.path().absolute().path() + "?limit=" + limit(request) + "&cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            response.header(HeaderNames.create("Link"), "<" + url + ">; rel=\"next\"");
        });
    }

    private static int limit(ServerRequest request) {
        Optional<String> raw = request.query().first("limit").asOptional();
        if (raw.isEmpty()) {
            return PageRequest.DEFAULT_LIMIT;
        }
        if (!raw.get().matches("[0-9]{1,3}")) {
            throw ClientError.badRequest("'limit' must be a whole number from 1 to " + PageRequest.MAX_LIMIT);
        }
        int limit = Integer.parseInt(raw.get());
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw ClientError.badRequest("'limit' must be a whole number from 1 to " + PageRequest.MAX_LIMIT);
        }
        return limit;
    }

    /** A cursor that matches our form but names no instant or number we could have written is not ours either. */
    private static <K> Optional<K> readSafely(Cursors<K> cursors, String text) {
        try {
            return cursors.read().apply(text);
        } catch (RuntimeException outOfRange) {
            return Optional.empty();
        }
    }

    private static Optional<String> decode(String cursor) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static Optional<Matcher> matched(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }
}
