package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Strong ETags for artifacts, {@code "<artifact id>-<row version>"}, with {@code .stale} appended while the
 * artifact is stale: the store bumps the row version on every change, so the tag changes with every change,
 * and a sibling's new revision (which changes this record's {@code stale} but not its row) changes it too.
 * If-Match maps straight onto the core's optimistic check by the row version it names.
 */
final class EntityTags {
    private EntityTags() {
    }

    private static final String STALE = ".stale";

    static String of(Artifact artifact) {
        return "\"" + artifact.id() + "-" + artifact.rowVersion() + (artifact.isStale() ? STALE : "") + "\"";
    }

    /**
     * The row versions an If-Match header names for this artifact. Empty means "any" ({@code *}); a header
     * naming no version of this artifact (a weak tag, another artifact's tag, garbage) can never match the
     * current strong tag, so by RFC 9110 section 13.1.1 it is a 412, not a 400.
     */
    static List<Long> ifMatch(String header, ArtifactId id) {
        String value = header.strip();
        if ("*".equals(value)) {
            return List.of();
        }
        String prefix = "\"" + id + "-";
        List<Long> versions = new ArrayList<>();
        for (String tag : value.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith(prefix) && candidate.endsWith("\"") && candidate.length() > prefix.length() + 1) {
                String number = candidate.substring(prefix.length(), candidate.length() - 1);
                number = number.endsWith(STALE) ? number.substring(0, number.length() - STALE.length()) : number;
                if (number.matches("[0-9]{1,18}")) {
                    versions.add(Long.parseLong(number));
                }
            }
        }
        if (versions.isEmpty()) {
            throw ClientError.preconditionFailed("If-Match names no current version of this artifact");
        }
        return versions;
    }

    /**
     * If-Match as the core's expected row version: absent or {@code *} is none; a list of several tags
     * matches if the current one ({@code current}, read only then) is in it.
     */
    static OptionalLong expectedRowVersion(ServerRequest request, ArtifactId id, LongSupplier current) {
        Optional<String> ifMatch = request.headers().first(HeaderNames.IF_MATCH);
        if (ifMatch.isEmpty()) {
            return OptionalLong.empty();
        }
        List<Long> versions = ifMatch(ifMatch.get(), id);
        if (versions.size() <= 1) {
            return versions.isEmpty() ? OptionalLong.empty() : OptionalLong.of(versions.getFirst());
        }
        long now = current.getAsLong();
        if (!versions.contains(now)) {
            throw ClientError.preconditionFailed("If-Match names no current version of this artifact");
        }
        return OptionalLong.of(now);
    }

    /**
     * The tag of an artifact's status representation, made of everything it shows, so that it changes
     * exactly when the status a poller sees does. It names no row version: If-Match never takes it.
     */
    static String ofStatus(ArtifactId id, ArtifactProgress progress) {
        StringBuilder tag = new StringBuilder("\"").append(id).append("-status-").append(progress.versionNumber())
                .append('.').append(progress.status().ordinal())
                .append('.').append(Long.toHexString(progress.updatedAt().getEpochSecond()))
                .append('.').append(Integer.toHexString(progress.updatedAt().getNano()));
        if (progress.error() != null) {
            tag.append('.').append(progress.error().code().ordinal())
                    .append('.').append(Integer.toHexString(java.util.Objects.hashCode(progress.error().message())));
        }
        return tag.append('"').toString();
    }

    /**
     * Answers a conditional GET: sends the tag, and a 304 with no body when If-None-Match already names it
     * (strong or weak, or {@code *}). Returns whether it did, in which case the caller sends nothing more.
     */
    static boolean notModified(ServerRequest request, ServerResponse response, String current) {
        response.header(HeaderNames.ETAG, current);
        response.header(HeaderNames.CACHE_CONTROL, "private, no-cache");
        Optional<String> ifNoneMatch = request.headers().first(HeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch.isEmpty() || !noneMatchHits(ifNoneMatch.get(), current)) {
            return false;
        }
        response.status(Status.NOT_MODIFIED_304).send();
        return true;
    }

    private static boolean noneMatchHits(String header, String current) {
        for (String tag : header.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(current) || candidate.equals("W/" + current)) {
                return true;
            }
        }
        return false;
    }
}
