package io.artifactpipeline.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A founder's idea and their answers to the onboarding questions: what every artifact is written from. */
public record Project(ProjectId id, UserId owner, String name, String idea, Map<String, String> answers,
                      Instant createdAt) {
    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idea, "idea");
        Objects.requireNonNull(createdAt, "createdAt");
        // Question order is the founder's order; keep it.
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    public boolean isOwnedBy(UserId user) {
        return owner.equals(user);
    }
}
