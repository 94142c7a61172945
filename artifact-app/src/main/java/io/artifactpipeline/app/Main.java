package io.artifactpipeline.app;

import java.util.Arrays;
import java.util.List;

/** {@code java -jar artifact-app.jar} starts the server; {@code ... token --user ID} prints a development token. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogSetup.configure();
        AppSettings settings;
        try {
            settings = AppSettings.load(SettingsSource.of(System.getenv()));
        } catch (IllegalArgumentException badSetting) {
            System.err.println("configuration: " + badSetting.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(List.of(Arrays.copyOfRange(args, 1, args.length)), settings, System.out, System.err));
        }
        if (args.length > 0) {
            System.err.println("usage: java -jar artifact-app.jar [token --user ID [--tier TIER] [--ttl SECONDS]]");
            System.exit(2);
        }
        Application application;
        try {
            application = Application.start(settings);
        } catch (IllegalStateException refused) {
            // A refusal whose message says what to change (development auth on a public address): one line.
            System.err.println("cannot start: " + refused.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            application.close();
            // stdout, not the logger: java.util.logging shuts itself down in a hook of its own
            System.out.println("Artifact Pipeline stopped.");
        }, "shutdown"));
        System.out.println(firstSteps(settings, application.port()));
    }

    private static String firstSteps(AppSettings settings, int port) {
        String base = "http://" + settings.server().host() + ":" + port;
        String web = settings.server().web() ? "The web workspace is at " + base + "/ : open it in a browser.\n" : "";
        if (!settings.developmentAuth()) {
            return web + "Artifact Pipeline is listening on " + base + " (tokens from " + settings.auth().jwksLocation() + ").";
        }
        return web + """
                Artifact Pipeline is listening on %1$s (DEVELOPMENT AUTH: tokens are signed by a key in %2$s).
                Or get a token and make a first call from a script:
                  TOKEN=$(java -jar artifact-app/target/artifact-app.jar token --user founder-1)
                  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                       -d '{"idea":"Forecast bread demand for small bakeries","answers":{"Who pays?":"Bakery owners"}}' \\
                       %1$s/api/projects
                """.formatted(base, settings.dataDir().toAbsolutePath().normalize());
    }
}
