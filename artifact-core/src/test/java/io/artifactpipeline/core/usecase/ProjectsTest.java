package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.schema.Violation;
import io.artifactpipeline.core.testing.TestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static io.artifactpipeline.core.testing.TestPipeline.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Creating, listing and reading projects; the onboarding data is checked on the way in. */
class ProjectsTest {
    private final TestPipeline t = TestPipeline.create();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void aProjectKeepsTheIdeaAndTheAnswersInTheFoundersOrder() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("Why now?", "Flour prices");
        answers.put("Who pays?", "Owners");
        answers.put("How big?", "Small");

        Project project = t.pipeline().createProject().create(ALICE, new CreateProject.Command("Bakery", "Forecast bread", answers));

        assertThat(project.owner()).isEqualTo(ALICE.userId());
        assertThat(project.createdAt()).isEqualTo(t.clock().instant());
        assertThat(project.answers().keySet()).containsExactly("Why now?", "Who pays?", "How big?");
        assertThat(t.pipeline().getProject().get(ALICE, project.id())).isEqualTo(project);
    }

    @Test
    void projectsAreListedNewestFirstAndOnlyTheCallers() {
        Project older = t.project(ALICE);
        t.project(MALLORY);
        Project newer = t.project(ALICE);

        assertThat(t.pipeline().listProjects().list(ALICE, ListProjects.Query.newest()).items()).containsExactly(newer, older);
    }

    @Test
    void withoutANameTheProjectIsNamedAfterTheStartOfTheIdea() {
        String idea = "  Forecast bread demand for small bakeries so that they waste less and earn more  ";
        assertThat(new CreateProject.Command(null, idea, null).name()).isEqualTo("Forecast bread demand for small bakeries so that t");
        assertThat(new CreateProject.Command(" ", "Short idea", Map.of()).name()).isEqualTo("Short idea");
        assertThat(new CreateProject.Command(null, "Short idea", null).answers()).isEmpty();
    }

    @Test
    void anIdeaIsRequiredAndLimited() {
        assertInvalid(() -> new CreateProject.Command("n", null, Map.of()), "idea");
        assertInvalid(() -> new CreateProject.Command("n", "  ", Map.of()), "idea");
        assertInvalid(() -> new CreateProject.Command("n", "x".repeat(10_001), Map.of()), "idea");
        assertThat(new CreateProject.Command("n", "x".repeat(10_000), Map.of()).idea()).hasSize(10_000);
    }

    @Test
    void aNameIsLimited() {
        assertInvalid(() -> new CreateProject.Command("x".repeat(201), "idea", Map.of()), "name");
        assertThat(new CreateProject.Command("x".repeat(200), "idea", Map.of()).name()).hasSize(200);
    }

    @Test
    void answersAreLimitedInNumberAndLength() {
        Map<String, String> tooMany = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            tooMany.put("q" + i, "a");
        }
        assertInvalid(() -> new CreateProject.Command("n", "idea", tooMany), "answers");
        assertInvalid(() -> new CreateProject.Command("n", "idea", Map.of("q", "a".repeat(5_001))), "answers/q");
        assertInvalid(() -> new CreateProject.Command("n", "idea", Map.of("q".repeat(1_001), "a")), "answers");
        assertInvalid(() -> new CreateProject.Command("n", "idea", Map.of(" ", "a")), "answers");
        Map<String, String> nullAnswer = new HashMap<>();
        nullAnswer.put("q", null);
        assertInvalid(() -> new CreateProject.Command("n", "idea", nullAnswer), "answers/q");
    }

    @Test
    void aMissingQuestionIsInvalidInputNotACrash() {
        Map<String, String> nullQuestion = new HashMap<>();
        nullQuestion.put(null, "a");
        assertInvalid(() -> new CreateProject.Command("n", "idea", nullQuestion), "answers");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable creating, String path) {
        assertThatThrownBy(creating).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(Violation::path).contains(path));
    }
}
