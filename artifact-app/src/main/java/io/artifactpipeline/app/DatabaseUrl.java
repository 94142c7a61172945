package io.artifactpipeline.app;

import java.util.regex.Pattern;

/** A JDBC URL fit for a log line: whatever credentials it carries are taken out. */
final class DatabaseUrl {
    // user:password@ after the scheme's //, as in jdbc:postgresql://app:secret@db:5432/artifacts; greedy up to
    // the last @ of the authority, since a password may hold one.
    private static final Pattern USER_INFO = Pattern.compile("//[^/?;]*@");
    // Oracle's thin driver: jdbc:oracle:thin:scott/tiger@//host:1521/service
    private static final Pattern ORACLE_CREDENTIALS = Pattern.compile("^(jdbc:oracle:[a-z]+:)[^@]*@", Pattern.CASE_INSENSITIVE);
    // Parameters that name or prove an identity, after ?, & or ; (PostgreSQL, MySQL, H2, SQL Server styles).
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
            "([?&;])(user|username|password|pwd|passwd|sslpassword|sslkey|token|accesstoken|access_token|secret|apikey|api_key)"
                    + "=[^&;]*", Pattern.CASE_INSENSITIVE);

    private DatabaseUrl() {
    }

    static String withoutCredentials(String url) {
        String stripped = USER_INFO.matcher(url).replaceFirst("//");
        stripped = ORACLE_CREDENTIALS.matcher(stripped).replaceFirst("$1@");
        stripped = CREDENTIAL_PARAMETER.matcher(stripped).replaceAll("$1");
        // Tidy the separators the removed parameters leave behind: "?&ssl=true" -> "?ssl=true", a trailing "?".
        return stripped.replaceAll("([?&;])[&;]+", "$1").replaceAll("[?&;]+$", "");
    }
}
