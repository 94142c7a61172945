package io.artifactpipeline.llm.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventStreamParserTest {
    private static List<ServerSentEvent> parse(String text) {
        return new EventStreamParser().feed(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namedEventsCommentsAndMultiLineData() {
        String stream = ": keep-alive comment\n"
                + "event: message_start\ndata: {\"a\":1}\n\n"
                + "data: first line\ndata:second line\ndata\n\n"
                + "event: ping\n: a comment between fields\ndata: {}\nid: 7\nretry: 1000\n\n";

        assertThat(parse(stream)).containsExactly(
                new ServerSentEvent("message_start", "{\"a\":1}"),
                new ServerSentEvent("message", "first line\nsecond line\n"),
                new ServerSentEvent("ping", "{}"));
    }

    @Test
    void everyLineEndingCountsAndOnlyOneSpaceIsDropped() {
        assertThat(parse("data:  two spaces\r\n\r\ndata: cr\r\rdata: lf\n\n")).containsExactly(
                new ServerSentEvent("message", " two spaces"),
                new ServerSentEvent("message", "cr"),
                new ServerSentEvent("message", "lf"));
    }

    @Test
    void anEventWithoutDataIsNotDispatchedAndNeitherIsAnUnfinishedOne() {
        assertThat(parse("event: lonely\n\ndata: unfinished")).isEmpty();
        assertThat(parse("\uFEFFdata: after a byte-order mark\n\n"))
                .containsExactly(new ServerSentEvent("message", "after a byte-order mark"));
    }

    @Test
    void theSameEventsWhereverTheBytesAreSplit() {
        String stream = "event: content_block_delta\r\ndata: {\"partial_json\":\"caf\u00e9 \u20ac \uD83D\uDE80\"}\r\n\r\n"
                + ": ping\r\nevent: message_stop\r\ndata: {}\r\n\r\n";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        List<ServerSentEvent> whole = new EventStreamParser().feed(bytes);
        assertThat(whole).hasSize(2);

        for (int split = 0; split <= bytes.length; split++) {
            EventStreamParser parser = new EventStreamParser();
            List<ServerSentEvent> events = new ArrayList<>(parser.feed(bytes, 0, split));
            events.addAll(parser.feed(bytes, split, bytes.length - split));
            assertThat(events).as("split at byte %d", split).isEqualTo(whole);
        }
        EventStreamParser byteByByte = new EventStreamParser();
        List<ServerSentEvent> events = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            events.addAll(byteByByte.feed(bytes, i, 1));
        }
        assertThat(events).isEqualTo(whole);
    }
}
