package io.artifactpipeline.persistence;

import io.artifactpipeline.core.contract.ContractStores;
import io.artifactpipeline.core.contract.LimitsContract;
import org.junit.jupiter.api.AfterEach;

/** The core's limits contract on an embedded H2 database, a new one for each test. */
class H2LimitsContractTest extends LimitsContract {
    private JpaStorage storage;

    @Override
    protected ContractStores openStores() {
        storage = JpaStorage.open(TestDatabases.freshH2());
        return ContractStores.of(storage, storage.usageLedger());
    }

    @AfterEach
    void close() {
        storage.close();
    }
}
