package io.artifactpipeline.llm.prompt;

import java.util.Objects;

/**
 * What is said to a model for one artifact, in three parts so that providers can mark the shared ones for
 * prompt caching: the system prompt and the project context are the same for all five calls of a generation.
 *
 * @param system         the rules every call follows
 * @param projectContext the founder's idea and answers
 * @param task           this artifact: its dependencies, sections, and any rewrite or repair material
 */
public record Prompt(String system, String projectContext, String task) {
    public Prompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(projectContext, "projectContext");
        Objects.requireNonNull(task, "task");
    }

    /** The user's turn as one text, for providers without content blocks. */
    public String userText() {
        return projectContext + "\n\n" + task;
    }

    /** A rough token count (four characters a token), for providers that report no usage. */
    public long estimatedTokens() {
        return (system.length() + projectContext.length() + task.length() + 3L) / 4;
    }
}
