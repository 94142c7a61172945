package io.artifactpipeline.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is and how many connections to keep to it.
 *
 * @param jdbcUrl           {@code jdbc:postgresql://...} or {@code jdbc:h2:...}
 * @param user              may be null or empty for databases that need none (embedded H2)
 * @param password          may be null or empty
 * @param poolSize          the most connections held open at once
 * @param connectionTimeout how long a caller waits for a connection before the store reports itself
 *                          unavailable
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize,
                               Duration connectionTimeout) {
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    private static final String DATABASE_FILE_NAME = "artifact-pipeline";

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
        // Hikari refuses anything shorter, with a less helpful message.
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("the connection timeout must be at least 250 ms");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {
        this(jdbcUrl, user, password, poolSize, DEFAULT_CONNECTION_TIMEOUT);
    }

    /** The embedded default: an H2 database file in the data directory. */
    public static DatabaseSettings embedded(Path dataDir) {
        return new DatabaseSettings(h2FileUrl(dataDir), "", "", DEFAULT_POOL_SIZE);
    }

    /**
     * The JDBC URL of the embedded database file in {@code dataDir}. The path is made absolute because
     * H2 refuses relative file names that do not start with {@code ./}; the pool, not the JVM shutdown
     * hook, decides when the file is closed.
     */
    public static String h2FileUrl(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(DATABASE_FILE_NAME);
        return "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The settings with the password hidden, for logs and error messages. */
    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize
                + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
