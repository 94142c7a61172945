package io.artifactpipeline.llm.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an error body says, in the shapes servers send: {@code {"error": {"type", "code", "message"}}} (OpenAI,
 * Anthropic, Ollama's OpenAI endpoint), vLLM's top-level {@code {"object": "error", "type", "message", "code"}},
 * and {@code {"error": "text"}}. Only identifiers are kept for messages; the provider's text is read for two
 * facts and never copied, because it can quote part of the key.
 *
 * @param codes            the error's type and code, when they are plain identifiers
 * @param creditTooLow     Anthropic's "credit balance is too low" (a 400, not a 402)
 * @param contextExceeded  the prompt and the output limit do not fit the model's context window
 */
record ProviderError(List<String> codes, boolean creditTooLow, boolean contextExceeded) {
    private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final List<String> CONTEXT_CODES = List.of("context_length_exceeded", "exceed_context_size_error");
    /** vLLM: "maximum context length"; llama.cpp: "context size"; Anthropic: "prompt is too long". */
    private static final List<String> CONTEXT_PHRASES =
            List.of("context length", "context window", "context size", "prompt is too long");

    static ProviderError parse(String body) {
        return of(Json.parseOrNull(body));
    }

    /** From an error object or a whole error body. */
    static ProviderError of(JsonNode root) {
        JsonNode error = root == null ? null : root.has("error") ? root.get("error") : root;
        if (error == null || !(error.isObject() || error.isTextual())) {
            return new ProviderError(List.of(), false, false);
        }
        List<String> codes = new ArrayList<>();
        for (String field : List.of("type", "code")) {
            String value = error.path(field).asText("");
            if (!error.path(field).isNumber() && SAFE_TOKEN.matcher(value).matches() && !codes.contains(value)) {
                codes.add(value);
            }
        }
        String message = (error.isTextual() ? error.asText() : error.path("message").asText("")).toLowerCase(Locale.ROOT);
        boolean context = codes.stream().anyMatch(CONTEXT_CODES::contains)
                || CONTEXT_PHRASES.stream().anyMatch(message::contains);
        return new ProviderError(List.copyOf(codes), message.contains("credit balance is too low"), context);
    }
}
