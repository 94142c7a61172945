package io.artifactpipeline.llm.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.artifactpipeline.core.port.SectionDrafts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a JSON object as it is being written, piece by piece, and reports each top-level member to
 * {@link SectionDrafts} as soon as its value is complete. Built on Jackson's non-blocking parser, so a piece may
 * end anywhere: inside a key, a string, a number or a UTF-8 character. Text before the object's opening brace
 * (a Markdown fence some local models write) and after its closing brace is ignored. Malformed input ends the
 * drafts quietly: drafts are previews, and the finished answer is validated on its own. A listener that fails
 * stops the drafts, not the call ({@link GuardedDrafts}).
 */
public final class SectionDraftParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SectionDrafts drafts;
    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private boolean started;
    private boolean over;
    /** 0 = before the object, 1 = directly inside it, more = inside a section's value. */
    private int depth;
    private String section;
    private TokenBuffer value;

    public SectionDraftParser(SectionDrafts drafts) {
        this.drafts = new GuardedDrafts(drafts);
        try {
            this.parser = MAPPER.getFactory().createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /** The next piece of the model's text. */
    public void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        feed(bytes, 0, bytes.length);
    }

    /** The next piece of the model's text, as UTF-8 bytes. */
    public void feed(byte[] bytes, int offset, int length) {
        if (over || length == 0) {
            return;
        }
        int from = offset;
        if (!started) {
            while (from < offset + length && bytes[from] != '{') {
                from++;
            }
            if (from == offset + length) {
                return;
            }
            started = true;
        }
        try {
            feeder.feedInput(bytes, from, offset + length);
            for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.NOT_AVAILABLE && !over;
                 token = parser.nextToken()) {
                take(token);
            }
        } catch (IOException e) {
            over = true; // not JSON after all: the final answer's own check will say what is wrong
        }
    }

    private void take(JsonToken token) throws IOException {
        if (depth == 0) {
            depth = 1; // the opening brace: nothing else can come first, as feeding starts at it
            return;
        }
        if (depth == 1) {
            if (token == JsonToken.FIELD_NAME) {
                section = parser.currentName();
                return;
            }
            if (token == JsonToken.END_OBJECT) {
                over = true;
                return;
            }
            value = new TokenBuffer(MAPPER, false); // a value starts
        }
        value.copyCurrentEvent(parser);
        if (token.isStructStart()) {
            depth++;
        } else if (token.isStructEnd()) {
            depth--;
        }
        if (depth == 1) {
            drafts.completed(section, MAPPER.readTree(value.asParser(MAPPER)));
            value = null;
        }
    }
}
