package io.artifactpipeline.core.memory;

import io.artifactpipeline.core.contract.ContractStores;
import io.artifactpipeline.core.contract.LimitsContract;

class InMemoryLimitsContractTest extends LimitsContract {
    @Override
    protected ContractStores openStores() {
        return ContractStores.of(new InMemoryStore(), new InMemoryUsageLedger());
    }
}
