package io.artifactpipeline.http.security;

import io.artifactpipeline.core.model.Actor;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Security;
import io.helidon.security.SecurityContext;
import io.helidon.security.SecurityEnvironment;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The API's authentication, built from plain {@link AuthSettings}: a helidon-security {@link Security}
 * with the JWT provider, over the configured JWKS or, without one, over the development keys.
 */
public final class ApiSecurity {
    private static final System.Logger LOG = System.getLogger(ApiSecurity.class.getName());
    private static final String PROVIDER_NAME = "jwt";

    private final Security security;
    private final boolean developmentMode;

    private ApiSecurity(Security security, boolean developmentMode) {
        this.security = security;
        this.developmentMode = developmentMode;
    }

    public static ApiSecurity create(AuthSettings settings) {
        return create(settings, Clock.systemUTC(), JwkKeyRing.DEFAULT_MIN_REFRESH);
    }

    /**
     * @param clock      the time tokens are checked against
     * @param minRefresh how long after one read of the JWKS an unknown kid may trigger the next
     */
    public static ApiSecurity create(AuthSettings settings, Clock clock, Duration minRefresh) {
        Objects.requireNonNull(settings, "settings");
        JwksSource source;
        if (settings.developmentMode()) {
            DevelopmentKeys keys = DevelopmentKeys.loadOrCreate(settings.dataDirectory());
            String jwks = keys.jwksJson();
            source = () -> jwks;
            LOG.log(Level.WARNING, """

                    ****************************************************************
                    *  DEVELOPMENT AUTH: no ARTIFACT_AUTH_JWKS is configured.       *
                    *  Tokens are signed by a local key in {0}
                    *  Anyone with that directory can mint tokens for any user.     *
                    *  Do not run this way in production.                           *
                    ****************************************************************""",
                    settings.dataDirectory().toAbsolutePath());
        } else {
            source = JwksSource.of(settings.jwksLocation());
        }
        JwkKeyRing ring = new JwkKeyRing(source, clock, minRefresh);
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(new JwtVerifier(ring, clock, settings));
        Security security = Security.builder()
                .addAuthenticationProvider(provider, PROVIDER_NAME)
                .disableTracing()
                .build();
        return new ApiSecurity(security, settings.developmentMode());
    }

    public boolean developmentMode() {
        return developmentMode;
    }

    /** The outcome of authenticating one request. */
    public sealed interface Outcome {
        record Authenticated(Actor actor, SecurityContext context) implements Outcome {
        }

        /** @param challenge the {@code WWW-Authenticate} value to send with the 401 */
        record Refused(String reason, String challenge) implements Outcome {
        }
    }

    /** Authenticates a request from its method, path and headers, through helidon-security. */
    public Outcome authenticate(String method, String path, Map<String, List<String>> headers) {
        SecurityContext context = security.contextBuilder(UUID.randomUUID().toString())
                .env(SecurityEnvironment.builder().method(method).path(path).headers(headers).transport("http").build())
                .build();
        AuthenticationResponse response = context.atnClientBuilder().explicitProvider(PROVIDER_NAME).submit();
        if (response.status().isSuccess()) {
            var actor = context.user().flatMap(user -> user.publicCredential(Actor.class));
            if (actor.isPresent()) {
                return new Outcome.Authenticated(actor.get(), context);
            }
        }
        List<String> challenge = response.responseHeaders().getOrDefault("WWW-Authenticate", List.of());
        return new Outcome.Refused(response.description().orElse("authentication failed"),
                challenge.isEmpty() ? "Bearer realm=\"" + JwtAuthenticationProvider.REALM + "\"" : challenge.getFirst());
    }
}
