package io.artifactpipeline.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Log lines written by one background thread, many per write. A logging thread formats its line and
 * queues it; it never takes the stream's lock nor waits for a flush. The console handler it replaces did
 * both for every line, which under load made the access log the server's largest single cost and a
 * source of tail latency (every request thread queued on one lock). Nothing is dropped: when the queue is
 * full, loggers wait for room. {@link #close()} writes what is queued before returning.
 */
final class BackgroundLogWriter extends Handler {
    private static final int CAPACITY = 16_384;
    private static final int MAX_BATCH = 1_024;
    private static final Duration IDLE_POLL = Duration.ofMillis(200);

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
    private final Writer out;
    private final Thread writer;
    private final Object progress = new Object();
    private long queued; // guarded by progress
    private long written; // guarded by progress
    private volatile boolean open = true;

    BackgroundLogWriter(OutputStream stream, Formatter formatter) {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        setFormatter(formatter);
        this.writer = Thread.ofPlatform().daemon().name("log-writer").start(this::writeUntilClosed);
    }

    @Override
    public void publish(LogRecord record) {
        if (!open || !isLoggable(record)) {
            return;
        }
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError(null, e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            lines.put(line);
            synchronized (progress) {
                queued++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns once everything queued before the call has been written. */
    @Override
    public void flush() {
        synchronized (progress) {
            long target = queued;
            while (written < target && writer.isAlive()) {
                try {
                    progress.wait(IDLE_POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            writer.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilClosed() {
        List<String> batch = new ArrayList<>(MAX_BATCH);
        while (open || !lines.isEmpty()) {
            try {
                String first = lines.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                lines.drainTo(batch, MAX_BATCH - 1);
                for (String line : batch) {
                    out.write(line);
                }
                out.flush();
                synchronized (progress) {
                    written += batch.size();
                    progress.notifyAll();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                reportError(null, e, ErrorManager.WRITE_FAILURE);
            } finally {
                batch.clear();
            }
        }
    }
}
