package io.artifactpipeline.persistence;

import io.artifactpipeline.core.contract.ContractStores;
import io.artifactpipeline.core.contract.StoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core's store contract on a real PostgreSQL: one throw-away database for the class, emptied before each test. */
class PostgresStoreContractTest extends StoreContract {
    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();

    @Override
    protected ContractStores openStores() {
        return postgres.emptyStores();
    }
}
