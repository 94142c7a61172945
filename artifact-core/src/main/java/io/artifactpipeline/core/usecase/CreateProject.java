package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.IdSource;
import io.artifactpipeline.core.port.ProjectStore;
import io.artifactpipeline.core.schema.Texts;
import io.artifactpipeline.core.schema.Violation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A founder records an idea and their answers; artifacts are written from it later. */
public final class CreateProject {
    public static final int MAX_PROJECTS_PER_USER = 1_000;

    private final ProjectStore projects;
    private final Clock clock;
    private final IdSource ids;

    public CreateProject(ProjectStore projects, Clock clock, IdSource ids) {
        this.projects = projects;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The onboarding data for a new project, checked on construction.
     *
     * @param name optional; defaults to the first 50 characters of the idea
     */
    public record Command(String name, String idea, Map<String, String> answers) {
        public static final int MAX_IDEA_LENGTH = 10_000;
        public static final int MAX_ANSWERS = 50;
        public static final int MAX_ANSWER_LENGTH = 5_000;
        public static final int MAX_QUESTION_LENGTH = 1_000;
        public static final int MAX_NAME_LENGTH = 200;
        private static final int DEFAULT_NAME_LENGTH = 50;

        public Command {
            answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
            List<Violation> violations = violations(name, idea, answers);
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            if (name == null || name.isBlank()) {
                String trimmed = idea.strip();
                name = trimmed.substring(0, Math.min(DEFAULT_NAME_LENGTH, trimmed.length())).strip();
            }
        }

        private static List<Violation> violations(String name, String idea, Map<String, String> answers) {
            List<Violation> violations = new ArrayList<>();
            if (Texts.hasNul(name) || Texts.hasNul(idea) || answers.entrySet().stream()
                .anyMatch(answer -> Texts.hasNul(answer.getKey()) || Texts.hasNul(answer.getValue()))) {
            violations.add(new Violation("", Texts.NO_NUL));
        }
        if (idea == null || idea.isBlank()) {
                violations.add(new Violation("idea", "is required"));
            } else if (idea.length() > MAX_IDEA_LENGTH) {
                violations.add(new Violation("idea", "allows at most " + MAX_IDEA_LENGTH + " characters"));
            }
            if (name != null && name.length() > MAX_NAME_LENGTH) {
                violations.add(new Violation("name", "allows at most " + MAX_NAME_LENGTH + " characters"));
            }
            if (answers.size() > MAX_ANSWERS) {
                violations.add(new Violation("answers", "allows at most " + MAX_ANSWERS + " entries"));
            }
            answers.forEach((question, answer) -> {
                if (question == null || question.isBlank() || question.length() > MAX_QUESTION_LENGTH) {
                    violations.add(new Violation("answers", "each question must be 1.." + MAX_QUESTION_LENGTH + " characters"));
                }
                if (answer == null) {
                    violations.add(new Violation("answers/" + question, "must be a string"));
                } else if (answer.length() > MAX_ANSWER_LENGTH) {
                    violations.add(new Violation("answers/" + question, "allows at most " + MAX_ANSWER_LENGTH + " characters"));
                }
            });
            return violations;
        }
    }

    public Project create(Actor actor, Command command) {
        if (projects.countProjects(actor.userId()) >= MAX_PROJECTS_PER_USER) {
            throw InvalidInputException.of("", "a user may have at most " + MAX_PROJECTS_PER_USER + " projects");
        }
        var project = new Project(new ProjectId(ids.next()), actor.userId(), command.name(), command.idea(),
                command.answers(), clock.instant());
        return projects.create(project);
    }
}
