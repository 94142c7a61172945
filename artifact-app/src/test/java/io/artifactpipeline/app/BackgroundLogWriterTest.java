package io.artifactpipeline.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundLogWriterTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final BackgroundLogWriter handler = new BackgroundLogWriter(out, new Formatter() {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + "\n";
        }
    });

    @Test
    void everyLineFromManyThreadsIsWrittenWholeAndEachThreadsInOrder() throws Exception {
        List<Thread> loggers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            loggers.add(Thread.ofVirtual().start(() -> IntStream.range(0, 5_000)
                    .forEach(i -> handler.publish(new LogRecord(Level.INFO, thread + ":" + i)))));
        }
        for (Thread logger : loggers) {
            logger.join();
        }
        handler.flush();

        List<String> lines = written();
        assertThat(lines).hasSize(40_000);
        for (int t = 0; t < 8; t++) {
            String prefix = t + ":";
            assertThat(lines.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                    .mapToInt(Integer::parseInt).toArray()).isSorted().hasSize(5_000);
        }
    }

    @Test
    void closeWritesWhatIsStillQueuedAndLaterLinesAreIgnored() {
        IntStream.range(0, 1_000).forEach(i -> handler.publish(new LogRecord(Level.INFO, "line " + i)));
        handler.close();
        assertThat(written()).hasSize(1_000).endsWith("line 999");
        handler.publish(new LogRecord(Level.INFO, "after close"));
        assertThat(written()).hasSize(1_000);
    }

    @Test
    void recordsBelowTheLevelAreNotWritten() {
        handler.setLevel(Level.WARNING);
        handler.publish(new LogRecord(Level.INFO, "quiet"));
        handler.publish(new LogRecord(Level.WARNING, "loud"));
        handler.flush();
        assertThat(written()).containsExactly("loud");
    }

    private List<String> written() {
        synchronized (out) {
            String text = out.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }
}
