package io.artifactpipeline.app;

import io.artifactpipeline.http.observe.LogContext;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One line per record: UTC time, level, logger, the id of the request being served ({@code -} outside
 * one) and the message; line breaks inside a message or a stack trace are written as {@code \n}, so that
 * a log line is a record and a multi-line message cannot forge the next one.
 * {@code 2026-01-05T09:12:03.481Z INFO  io.artifactpipeline.http.access [3f2a…] GET /api/projects 200 4ms user=founder-1}
 */
final class LogLineFormatter extends Formatter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(TIME.format(record.getInstant())).append(' ')
                .append(levelName(record.getLevel())).append(' ')
                .append(record.getLoggerName()).append(" [")
                .append(LogContext.requestId().orElse("-")).append("] ")
                .append(oneLine(formatMessage(record)));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(" | ").append(oneLine(trace.toString().stripTrailing()));
        }
        return line.append(System.lineSeparator()).toString();
    }

    /**
     * System.Logger's names (what the code writes) rather than java.util.logging's, padded to one width
     * here rather than by {@code String.format}, which showed in the access log's cost.
     */
    private static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN ";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO ";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }
}
