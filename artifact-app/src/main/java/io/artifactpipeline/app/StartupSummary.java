package io.artifactpipeline.app;

/**
 * The one line that says how a server started: where it listens, which database (URL without
 * credentials), which model, which authentication, and whether requests are logged.
 */
record StartupSummary(String address, String database, String model, String auth, boolean accessLog) {

    static StartupSummary of(AppSettings settings, int port) {
        String url = Application.databaseSettings(settings).jdbcUrl();
        String database = databaseKind(url) + " " + DatabaseUrl.withoutCredentials(url);
        String model = settings.llmProvider() + " (" + Application.modelSettings(settings).defaultModel() + ")";
        String auth = settings.developmentAuth()
                ? "development keys in " + settings.dataDir().toAbsolutePath().normalize()
                : "JWKS " + settings.authJwks().get();
        return new StartupSummary("http://" + settings.httpHost() + ":" + port, database, model, auth, settings.httpAccessLog());
    }

    static String databaseKind(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "PostgreSQL";
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "H2";
        }
        String[] parts = jdbcUrl.split(":", 3);
        return parts.length > 1 ? parts[1] : "unknown";
    }

    @Override
    public String toString() {
        return "Artifact Pipeline started on " + address + "; database " + database + "; model " + model
                + "; auth " + auth + "; access log " + (accessLog ? "on" : "off");
    }
}
