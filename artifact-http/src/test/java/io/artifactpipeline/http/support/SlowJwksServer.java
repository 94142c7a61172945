package io.artifactpipeline.http.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An identity provider's JWKS endpoint on loopback that answers normally until told to stall. Stalled, it
 * sends the headers and then one byte every 200 ms and never finishes, like an overloaded or hostile
 * server: a read timeout alone never fires on it. It counts the fetches that reached it while stalled and
 * the ones their client gave up on (noticed when the next byte cannot be written).
 */
public final class SlowJwksServer implements AutoCloseable {
    private final HttpServer server;
    private final byte[] keySet;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger stalledFetches = new AtomicInteger();
    private final AtomicInteger abandonedFetches = new AtomicInteger();
    private volatile boolean stalled;

    public SlowJwksServer(List<TestKeys.SigningKey> keys) throws IOException {
        keySet = TestKeys.jwks(keys).getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/.well-known/jwks.json", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** From now on, every fetch stalls. */
    public void stall() {
        stalled = true;
    }

    public int stalledFetches() {
        return stalledFetches.get();
    }

    public int abandonedFetches() {
        return abandonedFetches.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (!stalled) {
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
            return;
        }
        stalledFetches.incrementAndGet();
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        try {
            body.write("{\"keys\":[".getBytes(StandardCharsets.US_ASCII));
            body.flush();
            while (!released.await(200, TimeUnit.MILLISECONDS)) {
                body.write(' ');
                body.flush();
            }
        } catch (IOException clientGone) {
            abandonedFetches.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
