package io.artifactpipeline.llm.http;

import java.time.Duration;

/** Waits between attempts; injectable so that tests of the retry schedule do not wait in real time. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
