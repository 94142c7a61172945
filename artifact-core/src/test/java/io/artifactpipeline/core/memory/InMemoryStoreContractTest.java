package io.artifactpipeline.core.memory;

import io.artifactpipeline.core.contract.ContractStores;
import io.artifactpipeline.core.contract.StoreContract;

class InMemoryStoreContractTest extends StoreContract {
    @Override
    protected ContractStores openStores() {
        InMemoryStore store = new InMemoryStore();
        return ContractStores.of(store, store.usageLedger());
    }
}
