package io.artifactpipeline.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.port.ModelRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an offline draft is written from: the founder's idea and answers, the documents it depends on, and
 * a rewrite's instructions. Everything is derived from the request alone, so the same request always gives
 * the same draft.
 */
record DraftMaterial(String idea, String shortIdea, List<Answer> answers, String instructions,
                     Map<ArtifactType, ObjectNode> dependencies) {

    /** Opens the text that carries the founder's words in every offline artifact. */
    static final String NOTICE = "Offline draft: written without a language model, from the founder's own words. "
            + "Configure a model provider and regenerate this document for a real analysis.";
    private static final int SHORT_IDEA_LENGTH = 80;

    record Answer(String question, String answer) {
    }

    static DraftMaterial from(ModelRequest request) {
        List<Answer> answers = new ArrayList<>();
        request.project().answers().forEach((question, answer) -> {
            if (question != null && !question.isBlank() && answer != null && !answer.isBlank()) {
                answers.add(new Answer(question.strip(), answer.strip()));
            }
        });
        String idea = request.project().idea().strip();
        return new DraftMaterial(idea.isEmpty() ? "(no idea given)" : idea, shorten(idea), List.copyOf(answers),
                request.instructions().orElse(null),
                request.dependencies());
    }

    /** The notice, the whole idea and every answer: what this draft stands on, stated once per document. */
    String sources() {
        StringBuilder text = new StringBuilder(NOTICE).append(" The founder's idea: ").append(idea);
        if (answers.isEmpty()) {
            text.append(" The founder gave no onboarding answers yet.");
        } else {
            text.append(" The founder's answers: ").append(answers.stream()
                    .map(a -> a.question() + " " + a.answer()).collect(Collectors.joining(" | ")));
        }
        if (instructions != null) {
            text.append(" Instructions for this version: ").append(instructions);
        }
        return text.toString();
    }

    /** The first answer whose question mentions one of the words, e.g. "who" for the target user. */
    Optional<String> answerAbout(String... words) {
        return answers.stream()
                .filter(a -> {
                    String question = a.question().toLowerCase(Locale.ROOT);
                    for (String word : words) {
                        if (question.contains(word)) {
                            return true;
                        }
                    }
                    return false;
                })
                .map(Answer::answer)
                .findFirst();
    }

    /** A text section of a dependency, when it was given and is non-empty. */
    Optional<String> dependencyText(ArtifactType type, String section) {
        ObjectNode content = dependencies.get(type);
        JsonNode value = content == null ? null : content.get(section);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? Optional.of(value.asText().strip()) : Optional.empty();
    }

    /** Non-empty strings of a list-valued dependency section, or of one field of its items. */
    List<String> dependencyList(ArtifactType type, String section, String field) {
        ObjectNode content = dependencies.get(type);
        JsonNode list = content == null ? null : content.get(section);
        List<String> values = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                JsonNode value = field == null ? item : item.get(field);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    values.add(value.asText().strip());
                }
            }
        }
        return values;
    }

    /** The idea's first sentence, cut at a word to a title-friendly length. */
    private static String shorten(String idea) {
        if (idea.isEmpty()) {
            return "the founder's idea";
        }
        String first = idea.split("(?<=[.!?])\\s|\\R", 2)[0].strip();
        String withoutStop = first.replaceAll("[.!?]+$", ""); // a title, not a sentence
        if (!withoutStop.isBlank()) {
            first = withoutStop;
        }
        if (first.length() <= SHORT_IDEA_LENGTH) {
            return first;
        }
        int cut = first.lastIndexOf(' ', SHORT_IDEA_LENGTH);
        return first.substring(0, cut > SHORT_IDEA_LENGTH / 2 ? cut : SHORT_IDEA_LENGTH).strip() + "…";
    }
}
