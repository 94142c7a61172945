package io.artifactpipeline.llm.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A response body read as it arrives, each wait bounded: the HTTP client's own input stream blocks without a
 * limit, and a stalled stream must fail after the idle limit. One buffer list is requested at a time, so a
 * slow reader holds the server back instead of filling memory. Closing before the end cancels the exchange.
 */
final class StreamingBody implements HttpResponse.BodySubscriber<StreamingBody>, AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private boolean ended;

    @Override
    public CompletionStage<StreamingBody> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        arrived.add(buffers);
    }

    @Override
    public void onError(Throwable error) {
        arrived.add(error);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    /**
     * The next bytes of the body, or null at its end.
     *
     * @throws TimeoutException when nothing arrives within {@code wait}
     */
    byte[] next(Duration wait) throws IOException, InterruptedException, TimeoutException {
        if (ended) {
            return null;
        }
        Object item = arrived.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
        if (item == null) {
            throw new TimeoutException("nothing arrived within " + wait);
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof Throwable error) {
            ended = true;
            throw error instanceof IOException io ? io : new IOException("the response body failed", error);
        }
        @SuppressWarnings("unchecked")
        List<ByteBuffer> buffers = (List<ByteBuffer>) item;
        int size = buffers.stream().mapToInt(ByteBuffer::remaining).sum();
        byte[] bytes = new byte[size];
        int at = 0;
        for (ByteBuffer buffer : buffers) {
            int n = buffer.remaining();
            buffer.get(bytes, at, n);
            at += n;
        }
        subscription.request(1);
        return bytes;
    }

    @Override
    public void close() {
        Flow.Subscription current = subscription;
        if (!ended && current != null) {
            ended = true;
            current.cancel();
        }
    }
}
