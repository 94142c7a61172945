package io.artifactpipeline.persistence;

import org.hibernate.Session;

import java.sql.Statement;
import java.util.Map;

/**
 * The databases the adapter runs on, and the little that differs between them: the JSON column type,
 * the vendor-specific migrations, a JSON parameter in plain SQL and the atomic add-to-usage statement. Everything else is shared.
 */
enum Vendor {
    POSTGRESQL("postgresql", "jsonb", "cast(? as jsonb)", """
            insert into token_usage (user_id, usage_day, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens)
            values (:user, :day, :input, :output, :cacheRead, :cacheWrite)
            on conflict (user_id, usage_day) do update set
                input_tokens = token_usage.input_tokens + excluded.input_tokens,
                output_tokens = token_usage.output_tokens + excluded.output_tokens,
                cache_read_tokens = token_usage.cache_read_tokens + excluded.cache_read_tokens,
                cache_write_tokens = token_usage.cache_write_tokens + excluded.cache_write_tokens
            """),
    H2("h2", "json", "? format json", """
            merge into token_usage t
            using (values (cast(:user as varchar(255)), cast(:day as date), cast(:input as bigint), cast(:output as bigint),
                           cast(:cacheRead as bigint), cast(:cacheWrite as bigint)))
                as s(user_id, usage_day, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens)
            on t.user_id = s.user_id and t.usage_day = s.usage_day
            when matched then update set
                input_tokens = t.input_tokens + s.input_tokens,
                output_tokens = t.output_tokens + s.output_tokens,
                cache_read_tokens = t.cache_read_tokens + s.cache_read_tokens,
                cache_write_tokens = t.cache_write_tokens + s.cache_write_tokens
            when not matched then insert (user_id, usage_day, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens)
                values (s.user_id, s.usage_day, s.input_tokens, s.output_tokens, s.cache_read_tokens, s.cache_write_tokens)
            """);

    private final String folder;
    private final String jsonType;
    private final String jsonParameter;
    private final String addUsageSql;

    Vendor(String folder, String jsonType, String jsonParameter, String addUsageSql) {
        this.folder = folder;
        this.jsonType = jsonType;
        this.jsonParameter = jsonParameter;
        this.addUsageSql = addUsageSql;
    }

    static Vendor of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database URL (expected jdbc:postgresql: or jdbc:h2:): "
                + jdbcUrl);
    }

    /** Flyway locations: the shared schema, then what only this vendor needs. */
    String[] migrationLocations() {
        return new String[]{"classpath:db/migration/common", "classpath:db/migration/" + folder};
    }

    /** Placeholders the shared migrations use where the vendors' SQL differs. */
    Map<String, String> migrationPlaceholders() {
        return Map.of("json", jsonType);
    }

    /** A JDBC parameter bound to JSON text with {@code setString} that the column stores as JSON, not as a string. */
    String jsonParameter() {
        return jsonParameter;
    }

    /** Adds one call's tokens to a user's day in one statement, creating the row if needed. */
    String addUsageSql() {
        return addUsageSql;
    }

    /**
     * Lets this transaction commit without waiting for its WAL flush. Only for writes whose loss in a
     * database crash is harmless (live-progress notices): it saves a disk flush per commit.
     */
    void relaxDurability(Session session) {
        if (this == POSTGRESQL) {
            session.doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local synchronous_commit = off");
                }
            });
        }
    }
}
