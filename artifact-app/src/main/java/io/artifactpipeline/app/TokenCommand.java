package io.artifactpipeline.app;

import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.security.TokenIssuer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code token --user ID [--tier TIER] [--ttl SECONDS]}: prints a bearer token the server accepts, signed
 * with the development key in the data directory. Refused when the server verifies real tokens (a JWKS
 * is configured), since a development token would then be worthless or, worse, mistaken for a real one.
 */
final class TokenCommand {
    private static final String USAGE = "usage: token --user ID [--tier bootstrapper|partner|cto_scale] [--ttl SECONDS]";

    private TokenCommand() {
    }

    /** Returns the process exit code. */
    static int run(List<String> args, AppSettings settings, PrintStream out, PrintStream err) {
        if (!settings.developmentAuth()) {
            err.println("token: refused: ARTIFACT_AUTH_JWKS is set, so the server only accepts tokens from that key set.");
            return 2;
        }
        String user = null;
        Tier tier = Tier.BOOTSTRAPPER;
        Duration ttl = TokenIssuer.DEFAULT_TTL;
        try {
            for (int i = 0; i < args.size(); i++) {
                String value = i + 1 < args.size() ? args.get(i + 1) : null;
                switch (args.get(i)) {
                    case "--user" -> user = required(value, "--user");
                    case "--tier" -> tier = tier(required(value, "--tier"));
                    case "--ttl" -> ttl = Duration.ofSeconds(positive(required(value, "--ttl")));
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
                i++;
            }
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("--user is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("token: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        out.println(TokenIssuer.forDevelopment(settings.auth()).issue(user, tier, ttl));
        return 0;
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static Tier tier(String name) {
        return Arrays.stream(Tier.values()).filter(t -> t.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tier " + name));
    }

    private static long positive(String seconds) {
        try {
            long value = Long.parseLong(seconds);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--ttl must be a positive number of seconds");
    }
}
