package io.artifactpipeline.app;

import io.artifactpipeline.http.observe.LogContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class LogLineFormatterTest {
    private final LogLineFormatter formatter = new LogLineFormatter();

    @Test
    void aRecordIsOneLineWithTimeLevelLoggerRequestIdAndMessage() {
        LogRecord record = record(Level.WARNING, "pool {0} is slow", "main");
        String line;
        try (LogContext.Scope ignored = LogContext.withRequestId("req-1")) {
            line = formatter.format(record);
        }
        assertThat(line).isEqualTo("2026-01-05T09:12:03.481Z WARN  io.example.Pool [req-1] pool main is slow"
                + System.lineSeparator());
    }

    @Test
    void outsideARequestTheIdIsADash() {
        assertThat(formatter.format(record(Level.SEVERE, "down"))).contains(" ERROR io.example.Pool [-] down");
        assertThat(formatter.format(record(Level.FINE, "detail"))).contains(" DEBUG ");
    }

    @Test
    void lineBreaksInMessagesAndStackTracesStayOnTheLine() {
        LogRecord record = record(Level.SEVERE, "first\nINFO forged second line\r\nthird");
        record.setThrown(new IllegalStateException("broken"));
        String line = formatter.format(record);
        assertThat(line.lines()).hasSize(1);
        assertThat(line).contains("first\\nINFO forged second line\\nthird | java.lang.IllegalStateException: broken\\n\tat ");
    }

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("io.example.Pool");
        record.setInstant(Instant.parse("2026-01-05T09:12:03.481Z"));
        record.setParameters(parameters.length == 0 ? null : parameters);
        return record;
    }
}
