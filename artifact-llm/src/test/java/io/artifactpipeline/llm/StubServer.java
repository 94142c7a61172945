package io.artifactpipeline.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A model server on loopback that answers from a script (then from a fallback function) and records what it
 * was sent. It can also hang (until closed) or drop the connection without an answer.
 */
public final class StubServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as the server saw it. */
    public record Captured(String method, String path, Headers headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** One piece of a streamed answer: some bytes (after a pause), a wait for the test's go-ahead, or silence. */
    public sealed interface Piece {
        record Send(String text, Duration pause) implements Piece {
            public Send after(Duration pause) {
                return new Send(text, pause);
            }
        }

        /** Sends nothing more until the latch opens (at most 30 s). */
        record Gate(CountDownLatch latch) implements Piece {
        }

        /** Sends nothing more until the server closes. */
        record Stall() implements Piece {
        }

        static Send send(String text) {
            return new Send(text, Duration.ZERO);
        }
    }

    /** One scripted answer. */
    public record Answer(int status, Map<String, String> headers, String body, Duration delay, Kind kind,
                         List<Piece> pieces) {
        enum Kind { RESPOND, HANG, DROP, STREAM }

        Answer(int status, Map<String, String> headers, String body, Duration delay, Kind kind) {
            this(status, headers, body, delay, kind, List.of());
        }

        /** A 200 event stream of these events (each a complete "event:/data:" block), sent at once. */
        public static Answer events(List<String> events) {
            return stream(List.of(Piece.send(String.join("", events))));
        }

        /** A 200 event stream sent piece by piece. */
        public static Answer stream(List<? extends Piece> pieces) {
            return new Answer(200, Map.of("content-type", "text/event-stream; charset=utf-8"), "", Duration.ZERO,
                    Kind.STREAM, List.copyOf(pieces));
        }

        public static Answer json(int status, String body, String... headerPairs) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("content-type", "application/json");
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Answer(status, headers, body, Duration.ZERO, Kind.RESPOND);
        }

        public static Answer json(int status, JsonNode body, String... headerPairs) {
            return json(status, body.toString(), headerPairs);
        }

        public static Answer hang() {
            return new Answer(0, Map.of(), "", Duration.ZERO, Kind.HANG);
        }

        public static Answer drop() {
            return new Answer(0, Map.of(), "", Duration.ZERO, Kind.DROP);
        }

        public Answer after(Duration delay) {
            return new Answer(status, headers, body, delay, kind, pieces);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Captured> captured = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Function<Captured, Answer> fallback =
            request -> Answer.json(500, "{\"error\":{\"type\":\"unscripted\",\"message\":\"no answer scripted\"}}");

    private StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubServer start() {
        try {
            return new StubServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized StubServer then(Answer answer) {
        script.add(answer);
        return this;
    }

    public StubServer otherwise(Function<Captured, Answer> answers) {
        this.fallback = answers;
        return this;
    }

    public synchronized List<Captured> requests() {
        return List.copyOf(captured);
    }

    public Captured onlyRequest() {
        List<Captured> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size());
        }
        return all.getFirst();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        boolean answering = true;
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Captured request = new Captured(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), body);
            Answer answer;
            synchronized (this) {
                captured.add(request);
                answer = script.isEmpty() ? null : script.poll();
            }
            if (answer == null) {
                answer = fallback.apply(request);
            }
            if (!answer.delay().isZero()) {
                closing.await(answer.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
            switch (answer.kind()) {
                case HANG -> closing.await(30, TimeUnit.SECONDS);
                case DROP -> {
                    // Closing the exchange without a status line: the client sees the connection end.
                }
                case RESPOND -> {
                    // Counted out before the client can see the answer and send its next request.
                    inFlight.decrementAndGet();
                    answering = false;
                    respond(exchange, answer);
                }
                case STREAM -> {
                    answering = false;
                    stream(exchange, answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (answering) {
                inFlight.decrementAndGet();
            }
        }
    }

    /** Counted out just before the last piece: after it, the client may send its next request at once. */
    private void stream(HttpExchange exchange, Answer answer) throws IOException, InterruptedException {
        boolean counted = true;
        try {
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), 0);
            OutputStream out = exchange.getResponseBody();
            List<Piece> pieces = answer.pieces();
            for (int i = 0; i < pieces.size(); i++) {
                switch (pieces.get(i)) {
                    case Piece.Send send -> {
                        if (send.pause().isPositive() && closing.await(send.pause().toMillis(), TimeUnit.MILLISECONDS)) {
                            return;
                        }
                        if (i == pieces.size() - 1) {
                            inFlight.decrementAndGet();
                            counted = false;
                        }
                        out.write(send.text().getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    case Piece.Gate gate -> gate.latch().await(30, TimeUnit.SECONDS);
                    case Piece.Stall stall -> {
                        closing.await(30, TimeUnit.SECONDS);
                        return;
                    }
                }
            }
            out.close();
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
