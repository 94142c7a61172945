package io.artifactpipeline.llm.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of a {@code text/event-stream} into events, as the WHATWG HTML standard's event-stream
 * interpretation does: lines end in CR, LF or CRLF (also when a CRLF is split between two reads), {@code :}
 * starts a comment, several {@code data:} lines make one event, a blank line dispatches it, one space after
 * the colon is dropped, a leading byte-order mark is ignored, and an event the stream ends in the middle of is
 * not dispatched. Lines are decoded only once complete, so a UTF-8 character split between reads is intact.
 */
public final class EventStreamParser {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private boolean afterCarriageReturn;
    private boolean firstLine = true;
    private boolean hasData;
    private String eventName = "";

    /** The events completed by these bytes, in order. */
    public List<ServerSentEvent> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    public List<ServerSentEvent> feed(byte[] bytes, int offset, int length) {
        List<ServerSentEvent> events = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n' && afterCarriageReturn) {
                afterCarriageReturn = false; // the second half of a CRLF
                continue;
            }
            afterCarriageReturn = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine(events);
            } else {
                line.write(b);
            }
        }
        return events;
    }

    private void endLine(List<ServerSentEvent> events) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (firstLine && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        firstLine = false;
        if (text.isEmpty()) {
            dispatch(events);
            return;
        }
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> eventName = value;
            default -> {
                // id and retry steer a browser's reconnection; a model call is never resumed, so they are ignored.
            }
        }
    }

    private void dispatch(List<ServerSentEvent> events) {
        if (hasData) {
            events.add(new ServerSentEvent(eventName.isEmpty() ? "message" : eventName, data.toString()));
        }
        data.setLength(0);
        hasData = false;
        eventName = "";
    }
}
