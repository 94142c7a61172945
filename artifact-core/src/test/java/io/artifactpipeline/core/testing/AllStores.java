package io.artifactpipeline.core.testing;

import io.artifactpipeline.core.memory.InMemoryStore;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.LeasedWrites;
import io.artifactpipeline.core.port.ProjectStore;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/** Every store port in one object, as {@code ArtifactPipeline.Builder.store} takes them. */
public interface AllStores extends ProjectStore, ArtifactStore, GenerationQueue, LeasedWrites {

    /** An in-memory store whose projects live in {@code projects} instead: to make one port misbehave. */
    static AllStores inMemoryWith(ProjectStore projects) {
        InMemoryStore memory = new InMemoryStore();
        return (AllStores) Proxy.newProxyInstance(AllStores.class.getClassLoader(), new Class<?>[] {AllStores.class},
                (proxy, method, args) -> {
                    Object target = method.getDeclaringClass() == ProjectStore.class ? projects : memory;
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
