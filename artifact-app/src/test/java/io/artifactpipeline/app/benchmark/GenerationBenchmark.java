package io.artifactpipeline.app.benchmark;

import io.artifactpipeline.app.BenchmarkApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The background-generation benchmarks of BENCHMARKS.md, run with
 * {@code ./mvnw -B -pl artifact-app -am verify -Pbenchmark} (PostgreSQL on 127.0.0.1:5432, 512 MiB heap).
 * They print their figures, which BENCHMARKS.md compares with the targets; times are not asserted (they
 * depend on what else the machine runs), only that every generation succeeded within the heap.
 */
@Tag("benchmark")
class GenerationBenchmark {

    @Test
    void oneGenerationAtOneSecondPerCallTakesAboutThreeCalls() throws Exception {
        BenchmarkApp.oneGenerationFromThePost();
    }

    @Test
    void aThousandProjectsAtTwoSecondsPerCall() throws Exception {
        BenchmarkApp.manyGenerationsAtOnce(1_000, 2_000);
    }

    @Test
    void pipelineCostWithAnInstantModel() throws Exception {
        BenchmarkApp.pipelineThroughput(2_000);
    }
}
