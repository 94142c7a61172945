package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.security.TokenIssuer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /dev/token {user, tier}} → {@code {token}}: the web workspace's "Sign in as" in development
 * auth, the HTTP twin of the {@code token} command. It exists only in development auth and answers only
 * a browser on the server's own machine ({@link LoopbackCaller}); anyone else gets a 403.
 */
final class DevTokenService implements HttpService {
    static final String PATH = "/dev/token";
    /** A working day, so that a demo is not cut short by the hour-long default of the token command. */
    static final Duration TTL = Duration.ofHours(8);
    private static final int MAX_USER_LENGTH = 255;

    private final TokenIssuer issuer;
    private final Json json;

    DevTokenService(TokenIssuer issuer, Json json) {
        this.issuer = issuer;
        this.json = json;
    }

    record TokenRequest(String user, String tier) {
    }

    record TokenView(String token) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::issue)
                .any("/", Routes.allow("POST"));
    }

    private void issue(ServerRequest request, ServerResponse response) {
        if (!LoopbackCaller.isLoopback(request)) {
            Json.sendProblem(response, Problem.of(403, "forbidden", "Forbidden",
                    "development sign-in answers only a browser on the server's own machine (127.0.0.1)"));
            return;
        }
        TokenRequest body = json.read(request, TokenRequest.class);
        List<Problem.FieldError> errors = new ArrayList<>();
        String user = body.user();
        if (user == null || user.isBlank()) {
            errors.add(new Problem.FieldError("user", "is required and must not be blank"));
        } else if (user.length() > MAX_USER_LENGTH) {
            errors.add(new Problem.FieldError("user", "must be at most " + MAX_USER_LENGTH + " characters"));
        } else if (user.chars().anyMatch(Character::isISOControl)) {
            errors.add(new Problem.FieldError("user", "must not contain control characters"));
        }
        Tier tier = body.tier() == null ? Tier.BOOTSTRAPPER : tier(body.tier());
        if (tier == null) {
            errors.add(new Problem.FieldError("tier", "must be one of " + Arrays.stream(Tier.values())
                    .map(Tier::wireName).toList()));
        }
        if (!errors.isEmpty()) {
            Json.sendProblem(response, Problem.of(422, "invalid-input", "Unprocessable Content",
                    errors.size() == 1 ? errors.getFirst().path() + ": " + errors.getFirst().message()
                            : errors.size() + " invalid values").withErrors(errors));
            return;
        }
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        Json.send(response, Status.OK_200, new TokenView(issuer.issue(user, tier, TTL)));
    }

    private static Tier tier(String wireName) {
        return Arrays.stream(Tier.values()).filter(t -> t.wireName().equals(wireName)).findFirst().orElse(null);
    }
}
