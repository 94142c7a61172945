package io.artifactpipeline.core.memory;

import io.artifactpipeline.core.contract.ContractStores;
import io.artifactpipeline.core.contract.LimitsContract;

class InMemoryLimitsContractTest extends LimitsContract {
    @Override
    protected ContractStores openStores() {
        InMemoryStore store = new InMemoryStore();
        return ContractStores.of(store, store.usageLedger());
    }
}
