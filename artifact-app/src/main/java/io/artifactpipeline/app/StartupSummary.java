package io.artifactpipeline.app;

/**
 * The one line that says how a server started: where it listens, which database (URL without
 * credentials), which model, which authentication, whether the web workspace is served and whether
 * requests are logged.
 */
record StartupSummary(String address, String database, String model, String auth, boolean web, boolean accessLog) {

    static StartupSummary of(AppSettings settings, int port) {
        String url = settings.db().jdbcUrl();
        String database = databaseKind(url) + " " + DatabaseUrl.withoutCredentials(url);
        String model = settings.llm().provider().configName() + " (" + settings.llm().defaultModel() + ")";
        String auth = settings.developmentAuth()
                ? "development keys in " + settings.dataDir().toAbsolutePath().normalize()
                : "JWKS " + settings.auth().jwksLocation();
        return new StartupSummary("http://" + settings.server().host() + ":" + port, database, model, auth,
                settings.server().web(), settings.server().accessLog());
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
                + "; auth " + auth + "; web " + (web ? "on" : "off") + "; access log " + (accessLog ? "on" : "off");
    }
}
