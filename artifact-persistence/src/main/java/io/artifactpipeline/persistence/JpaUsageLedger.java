package io.artifactpipeline.persistence;

import io.artifactpipeline.core.error.StoreUnavailableException;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UsageSettlement;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.UsageLedger;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Tokens per user per day, added by one upsert statement so that concurrent calls from many threads and
 * servers add up instead of overwriting each other.
 */
final class JpaUsageLedger implements UsageLedger {
    // H2's MERGE can still collide with a concurrent first insert of the same day; the retry then updates.
    private static final int ATTEMPTS = 3;

    private final Database database;

    JpaUsageLedger(Database database) {
        this.database = database;
    }

    @Override
    public long tokensUsed(UserId user, LocalDate day) {
        return database.plainRead(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select coalesce(sum(input_tokens + output_tokens + cache_read_tokens + cache_write_tokens
                                        + reserved_tokens), 0)
                    from token_usage where user_id = ? and usage_day = ?
                    """)) {
                select.setString(1, user.value());
                select.setObject(2, day);
                try (ResultSet total = select.executeQuery()) {
                    total.next();
                    return total.getLong(1);
                }
            }
        });
    }

    @Override
    public void record(UserId user, LocalDate day, TokenUsage usage) {
        retryingFirstInsert(session -> add(session, user, day, usage));
    }

    /**
     * One transaction. In the usual case one statement; on the day's first call the row the update locks
     * is made first, then the update is tried again.
     */
    @Override
    public boolean reserve(UserId user, LocalDate day, long tokens, long limit) {
        if (tokens > limit) {
            return false;
        }
        return retryingFirstInsert(session -> {
            if (session.doReturningWork(connection -> reserveInDaysRow(connection, user, day, tokens, limit))) {
                return true;
            }
            if (session.doReturningWork(connection -> dayStarted(connection, user, day))) {
                return false; // the row is there, so the budget is what refused
            }
            add(session, user, day, TokenUsage.NONE);
            return session.doReturningWork(connection -> reserveInDaysRow(connection, user, day, tokens, limit));
        });
    }

    /**
     * The row lock the update takes makes the check and the addition atomic across servers. Plain JDBC, as
     * is the settlement: they run around every model call.
     */
    private static boolean reserveInDaysRow(Connection connection, UserId user, LocalDate day, long tokens, long limit)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update token_usage set reserved_tokens = reserved_tokens + ?
                where user_id = ? and usage_day = ?
                  and input_tokens + output_tokens + cache_read_tokens + cache_write_tokens + reserved_tokens
                      + ? <= ?
                """)) {
            update.setLong(1, tokens);
            update.setString(2, user.value());
            update.setObject(3, day);
            update.setLong(4, tokens);
            update.setLong(5, limit);
            return update.executeUpdate() == 1;
        }
    }

    private static boolean dayStarted(Connection connection, UserId user, LocalDate day) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select 1 from token_usage where user_id = ? and usage_day = ?")) {
            select.setString(1, user.value());
            select.setObject(2, day);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    @Override
    public void settle(UserId user, LocalDate day, long reserved, TokenUsage actual) {
        settle(List.of(new UsageSettlement(user, day, reserved, actual)));
    }

    void settle(List<UsageSettlement> calls) {
        database.transaction(session -> session.doReturningWork(connection -> settle(connection, calls)));
    }

    /** In the caller's transaction: so that a worker's write settles the calls it stores the outcome of. */
    static int settle(Connection connection, List<UsageSettlement> calls) throws SQLException {
        if (calls.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                update token_usage set reserved_tokens = reserved_tokens - ?,
                    input_tokens = input_tokens + ?, output_tokens = output_tokens + ?,
                    cache_read_tokens = cache_read_tokens + ?, cache_write_tokens = cache_write_tokens + ?
                where user_id = ? and usage_day = ?
                """)) {
            int settled = 0;
            for (UsageSettlement call : calls) {
                update.setLong(1, call.reserved());
                update.setLong(2, call.actual().inputTokens());
                update.setLong(3, call.actual().outputTokens());
                update.setLong(4, call.actual().cacheReadTokens());
                update.setLong(5, call.actual().cacheWriteTokens());
                update.setString(6, call.user().value());
                update.setObject(7, call.day());
                settled += update.executeUpdate();
            }
            return settled;
        }
    }

    private int add(Session session, UserId user, LocalDate day, TokenUsage usage) {
        return session.createNativeMutationQuery(database.vendor().addUsageSql())
                .setParameter("user", user.value())
                .setParameter("day", day)
                .setParameter("input", usage.inputTokens())
                .setParameter("output", usage.outputTokens())
                .setParameter("cacheRead", usage.cacheReadTokens())
                .setParameter("cacheWrite", usage.cacheWriteTokens())
                .executeUpdate();
    }

    private <R> R retryingFirstInsert(Function<Session, R> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.transaction(work);
            } catch (StoreUnavailableException e) {
                if (attempt == ATTEMPTS || !StoreErrors.isUniqueViolation(e.getCause())) {
                    throw e;
                }
            }
        }
    }
}
