package io.artifactpipeline.persistence;

import io.artifactpipeline.core.contract.ContractStores;
import io.artifactpipeline.core.contract.LimitsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;

/**
 * The core's limits contract on a real PostgreSQL: one throw-away database for the class, emptied before
 * each test (the contract claims "the oldest queued generation", so leftovers of other tests would count).
 */
class PostgresLimitsContractTest extends LimitsContract {
    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();
    private static JpaStorage storage;

    @Override
    protected ContractStores openStores() {
        if (storage == null) {
            storage = JpaStorage.open(postgres.settings(4));
        }
        try {
            postgres.truncateAll();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ContractStores.of(storage, storage.usageLedger());
    }

    @AfterAll
    static void close() {
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }
}
