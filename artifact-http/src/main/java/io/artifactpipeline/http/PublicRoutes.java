package io.artifactpipeline.http;

import io.artifactpipeline.http.security.AuthSettings;
import io.artifactpipeline.http.security.TokenIssuer;
import io.helidon.webserver.http.HttpRouting;

/**
 * The routes outside {@code /api} that need no token: development sign-in ({@code POST /dev/token}, only
 * in development auth) and the web workspace's files (unless switched off). Everything else stays behind
 * authentication.
 */
final class PublicRoutes {
    private final TokenIssuer devTokens;
    private final boolean web;
    private final Json json;

    private PublicRoutes(TokenIssuer devTokens, boolean web, Json json) {
        this.devTokens = devTokens;
        this.web = web;
        this.json = json;
    }

    /** @param auth the server's auth settings, or null when it was given a ready-made security setup only */
    static PublicRoutes of(AuthSettings auth, boolean web, Json json) {
        boolean development = auth != null && auth.developmentMode();
        return new PublicRoutes(development ? TokenIssuer.forDevelopment(auth) : null, web, json);
    }

    /**
     * Public whether or not their routes are on: switched off (no development auth, no web workspace) they
     * answer 404 like any path that does not exist, rather than asking for a token.
     */
    boolean isPublic(String path) {
        return path.equals(DevTokenService.PATH) || WebWorkspace.isWebPath(path);
    }

    void register(HttpRouting.Builder routing) {
        if (devTokens != null) {
            routing.register(DevTokenService.PATH, new DevTokenService(devTokens, json));
        }
        if (web) {
            WebWorkspace.register(routing);
        }
    }
}
