package io.artifactpipeline.app;

import java.io.OutputStream;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * The server's logging: everything (the code logs through System.Logger, which lands in
 * java.util.logging) as {@link LogLineFormatter} lines on standard error, written in the background
 * ({@link BackgroundLogWriter}), and the libraries that narrate
 * their start-up in pages (Hibernate, Flyway, HikariCP, Helidon) only when something is wrong. A
 * logging configuration given with {@code -Djava.util.logging.config.file} wins and is left alone.
 */
final class LogSetup {
    static final List<String> QUIET_LIBRARIES = List.of("org.hibernate", "org.flywaydb", "com.zaxxer.hikari", "io.helidon");
    // Strong references: java.util.logging holds loggers weakly, and a collected one forgets its level.
    private static final List<Logger> QUIETED = QUIET_LIBRARIES.stream().map(Logger::getLogger).toList();

    private LogSetup() {
    }

    /** Configures logging to standard error, unless the JVM was given a logging configuration. */
    static void configure() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        install(new BackgroundLogWriter(System.err, new LogLineFormatter()));
    }

    /** Configures logging to {@code out}; for tests that read what the server logs. */
    static Handler configure(OutputStream out) {
        StreamHandler handler = new StreamHandler(out, new LogLineFormatter()) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        install(handler);
        return handler;
    }

    private static void install(Handler handler) {
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        for (Handler existing : root.getHandlers()) {
            root.removeHandler(existing);
        }
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    }
}
