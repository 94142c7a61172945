package io.artifactpipeline.http.security;

import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Security;
import io.helidon.security.SecurityContext;
import io.helidon.security.SecurityEnvironment;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The API's authentication, built from plain {@link AuthSettings}: a helidon-security {@link Security}
 * with the JWT provider, over the configured JWKS or, without one, over the development keys.
 */
public final class ApiSecurity implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ApiSecurity.class.getName());
    private static final String PROVIDER_NAME = "jwt";

    private final Security security;
    private final AuthSettings settings;
    private final TrustedKeys keys;
    private final TokenVerifier verifier;

    private ApiSecurity(Security security, AuthSettings settings, TrustedKeys keys, TokenVerifier verifier) {
        this.security = security;
        this.settings = settings;
        this.keys = keys;
        this.verifier = verifier;
    }

    /** How long after one read of the JWKS a token with an unknown kid may cause the next. */
    public static final Duration DEFAULT_MIN_REFRESH = Duration.ofMinutes(1);

    public static ApiSecurity create(AuthSettings settings) {
        return create(settings, Clock.systemUTC(), DEFAULT_MIN_REFRESH);
    }

    /**
     * @param clock      the time tokens and the key set's age are judged by
     * @param minRefresh how long after one read of the JWKS an unknown kid may trigger the next
     */
    public static ApiSecurity create(AuthSettings settings, Clock clock, Duration minRefresh) {
        Objects.requireNonNull(settings, "settings");
        TrustedKeys keys;
        if (settings.developmentMode()) {
            keys = TrustedKeys.fixed(DevelopmentKeys.loadOrCreate(settings.dataDirectory()).publicSet(), clock);
            LOG.log(Level.WARNING, """

                    ****************************************************************
                    *  DEVELOPMENT AUTH: no ARTIFACT_AUTH_JWKS is configured.       *
                    *  Tokens are signed by a local key in {0}
                    *  Anyone with that directory can mint tokens for any user.     *
                    *  Do not run this way in production.                           *
                    ****************************************************************""",
                    settings.dataDirectory().toAbsolutePath());
        } else {
            keys = TrustedKeys.fromJwks(settings.jwksLocation(), clock, minRefresh);
            warnAboutUncheckedClaims(settings);
        }
        TokenVerifier verifier = new TokenVerifier(keys, clock, settings);
        Security security = Security.builder()
                .addAuthenticationProvider(new JwtAuthenticationProvider(verifier), PROVIDER_NAME)
                .disableTracing()
                .build();
        return new ApiSecurity(security, settings, keys, verifier);
    }

    /**
     * Refuses development auth on an address other machines can reach, unless explicitly allowed: anyone
     * who can read the data directory, or guess that a test server is running, should not be one request
     * away from any user's data.
     *
     * @throws IllegalStateException with what to do instead
     */
    public void requireSafeBindAddress(String host) {
        if (settings.developmentMode() && !settings.remoteDevelopmentAllowed() && !LoopbackHost.isLoopback(host)) {
            throw new IllegalStateException("development auth is refused on the non-loopback address " + host
                    + ": anyone who can reach it could use tokens signed by the local development key. Set "
                    + "ARTIFACT_AUTH_JWKS (real tokens), or bind to 127.0.0.1 (ARTIFACT_HTTP_HOST), or, on a "
                    + "trusted network only, set ARTIFACT_AUTH_DEV_ALLOW_REMOTE=true");
        }
    }

    private static void warnAboutUncheckedClaims(AuthSettings settings) {
        List<String> unchecked = new ArrayList<>();
        if (settings.issuer() == null) {
            unchecked.add("ARTIFACT_AUTH_ISSUER is not set, so a token's issuer (iss) is not checked");
        }
        if (settings.audience() == null) {
            unchecked.add("ARTIFACT_AUTH_AUDIENCE is not set, so a token's audience (aud, or azp without aud) is not "
                    + "checked and tokens minted for other applications of the identity provider are accepted");
        }
        if (!unchecked.isEmpty()) {
            LOG.log(Level.WARNING, "The JWKS is configured but " + String.join("; ", unchecked)
                    + ". Set them for production.");
        }
    }

    public boolean developmentMode() {
        return settings.developmentMode();
    }

    /** Stops refreshing the key set in the background; the server calls it when it stops. */
    @Override
    public void close() {
        keys.close();
    }

    /** The outcome of authenticating one request. */
    public sealed interface Outcome {
        record Authenticated(VerifiedToken token) implements Outcome {
        }

        /** @param challenge the {@code WWW-Authenticate} value to send with the 401 */
        record Refused(String reason, String challenge) implements Outcome {
        }
    }

    /**
     * Authenticates a request from its method, path and {@code Authorization} header values. A token
     * verified before is recognised by its exact bytes ({@link VerifiedTokens}) without going through
     * helidon-security again: its per-request context, environment and provider dispatch cost more than
     * the look-up (a sixth of the server's CPU on the polled read routes). Every other token, and every
     * refusal, goes through helidon-security and the JWT provider.
     */
    public Outcome authenticate(String method, String path, List<String> authorization) {
        Optional<VerifiedToken> known = JwtAuthenticationProvider.bearerToken(authorization).flatMap(verifier::recall);
        if (known.isPresent()) {
            return new Outcome.Authenticated(known.get());
        }
        SecurityContext context = security.contextBuilder(UUID.randomUUID().toString())
                .env(SecurityEnvironment.builder().method(method).path(path)
                        .headers(authorization.isEmpty() ? Map.of() : Map.of("Authorization", authorization))
                        .transport("http").build())
                .build();
        AuthenticationResponse response = context.atnClientBuilder().explicitProvider(PROVIDER_NAME).submit();
        if (response.status().isSuccess()) {
            var verified = context.user().flatMap(user -> user.publicCredential(VerifiedToken.class));
            if (verified.isPresent()) {
                return new Outcome.Authenticated(verified.get());
            }
        }
        List<String> challenge = response.responseHeaders().getOrDefault("WWW-Authenticate", List.of());
        return new Outcome.Refused(response.description().orElse("authentication failed"),
                challenge.isEmpty() ? "Bearer realm=\"" + JwtAuthenticationProvider.REALM + "\"" : challenge.getFirst());
    }
}
