package io.artifactpipeline.llm.http;

/**
 * What a provider does with the events of one streamed answer. A new reader is made for every attempt: a
 * retried call starts its answer from scratch.
 *
 * @param <T> what the finished answer becomes
 */
public interface StreamReader<T> {

    /**
     * One event, in order.
     *
     * @throws StreamFailure when the provider reports an error inside the stream
     */
    void accept(ServerSentEvent event);

    /** True once the provider said the answer is over; the transport stops reading. */
    boolean finished();

    /**
     * The answer, once the stream is finished or has ended.
     *
     * @throws StreamFailure when the stream ended before the answer was complete
     * @throws io.artifactpipeline.core.port.ModelFailure when the answer is complete but unusable (truncated,
     *                                                    refused, malformed): not retried
     */
    T result();
}
