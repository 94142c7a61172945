package io.artifactpipeline.persistence;

import io.artifactpipeline.core.contract.ContractStores;
import io.artifactpipeline.core.contract.LimitsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core's limits contract on a real PostgreSQL: one throw-away database for the class, emptied before each test. */
class PostgresLimitsContractTest extends LimitsContract {
    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();

    @Override
    protected ContractStores openStores() {
        return postgres.emptyStores();
    }
}
