package io.artifactpipeline.core.port;

import java.util.UUID;

/** Where new ids come from; a port so tests can make them predictable. */
@FunctionalInterface
public interface IdSource {

    UUID next();

    static IdSource random() {
        return UUID::randomUUID;
    }
}
