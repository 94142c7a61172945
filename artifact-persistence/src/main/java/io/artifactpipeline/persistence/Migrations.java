package io.artifactpipeline.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Brings the schema up to date at start-up, and refuses a database that a newer release has migrated:
 * this build would not know the meaning of what that release stores.
 */
final class Migrations {
    private Migrations() {
    }

    static void apply(DataSource dataSource, Vendor vendor) {
        Flyway flyway = configure(dataSource, vendor);
        refuseNewerSchema(flyway);
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw new IncompatibleSchemaException("the database schema could not be brought up to date: "
                    + e.getMessage(), e);
        }
    }

    static Flyway configure(DataSource dataSource, Vendor vendor) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(vendor.migrationLocations())
                .placeholders(vendor.migrationPlaceholders())
                // Flyway ignores applied migrations it does not know by default ("*:future"); an empty
                // pattern list makes validation fail on them too, in case the check below is ever bypassed.
                .ignoreMigrationPatterns(new String[0])
                .validateOnMigrate(true)
                .cleanDisabled(true)
                .load();
    }

    private static void refuseNewerSchema(Flyway flyway) {
        List<MigrationInfo> unknown = Arrays.stream(flyway.info().all()).filter(Migrations::isFuture).toList();
        if (!unknown.isEmpty()) {
            throw new IncompatibleSchemaException("the database was migrated by a newer release of Artifact Pipeline "
                    + "(schema version " + unknown.getLast().getVersion() + ", this build knows up to "
                    + describe(flyway) + "); refusing to start. Run the newer release, or restore a backup taken "
                    + "before the upgrade. Unknown migrations: " + unknown.stream()
                    .map(m -> m.getVersion() + " " + m.getDescription()).collect(Collectors.joining(", ")), null);
        }
    }

    private static String describe(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(m -> !isFuture(m))
                .reduce((a, b) -> b)
                .map(m -> "version " + m.getVersion())
                .orElse("no version");
    }

    private static boolean isFuture(MigrationInfo migration) {
        return migration.getState() == MigrationState.FUTURE_SUCCESS
                || migration.getState() == MigrationState.FUTURE_FAILED;
    }
}
