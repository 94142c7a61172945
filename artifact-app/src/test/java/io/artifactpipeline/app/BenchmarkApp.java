package io.artifactpipeline.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.usecase.CreateProject;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;
import io.artifactpipeline.core.usecase.StartGeneration;

/** The benchmark scenarios; see BENCHMARKS.md for method and recorded figures. */
public final class BenchmarkApp {
    private BenchmarkApp() {
    }

    /** Offline model at 1,000 ms per call: from the client's POST to the fifth artifact idle. */
    public static void oneGenerationFromThePost() throws Exception {
        try (ThrowawayPostgres database = ThrowawayPostgres.createOrSkip();
             RunningApp app = new RunningApp(tempDir(), Map.of("ARTIFACT_DB_URL", database.url(),
                     "ARTIFACT_DB_USER", ThrowawayPostgres.USER, "ARTIFACT_LLM_OFFLINE_LATENCY_MS", "1000"))) {
            List<Long> millis = new ArrayList<>();
            for (int run = 0; run < 6; run++) {
                String projectId = app.send("POST", "/api/projects", "bench-" + run,
                        "{\"idea\":\"Forecast bread demand\",\"answers\":{\"Who pays?\":\"Bakers\"}}").body().get("id").asText();
                long start = System.nanoTime();
                assertThat(app.send("POST", "/api/artifacts/generate", "bench-" + run,
                        "{\"project_id\":\"" + projectId + "\"}").status()).isEqualTo(202);
                while (!allFiveIdle(app.send("GET", "/api/artifacts/project/" + projectId, "bench-" + run, null).body())) {
                    Thread.sleep(10);
                }
                long took = (System.nanoTime() - start) / 1_000_000;
                if (run > 0) { // the first run warms the JIT
                    millis.add(took);
                }
            }
            Collections.sort(millis);
            System.out.printf("BENCH one-generation latency=1000ms runs(ms)=%s median=%d max=%d%n",
                    millis, millis.get(millis.size() / 2), millis.getLast());
        }
    }

    /** {@code projects} generations started at once on one server at {@code latencyMillis} per model call. */
    public static void manyGenerationsAtOnce(int projects, int latencyMillis) throws Exception {
        Result result = run(projects, latencyMillis, projects, projects * 3);
        System.out.printf("BENCH many-at-once projects=%d latency=%dms total=%.2fs failedOrUnfinished=%d peakHeapMiB=%d maxHeapMiB=%d%n",
                projects, latencyMillis, result.seconds(), result.notSucceeded(), result.peakHeapMiB(), maxHeapMiB());
        assertThat(result.notSucceeded()).isZero();
        assertThat(result.peakHeapMiB()).isLessThan(512);
    }

    /** With an instant model: what the pipeline itself costs per generation. */
    public static void pipelineThroughput(int projects) throws Exception {
        Result result = run(projects, 0, 64, 64 * 3);
        System.out.printf("BENCH throughput projects=%d latency=0 total=%.2fs generations/s=%.0f cpuSeconds=%.1f notSucceeded=%d%n",
                projects, result.seconds(), projects / result.seconds(), result.cpuSeconds(), result.notSucceeded());
        assertThat(result.notSucceeded()).isZero();
    }

    record Result(double seconds, long notSucceeded, long peakHeapMiB, double cpuSeconds) {
    }

    private static Result run(int projects, int latencyMillis, int jobs, int inFlight) throws Exception {
        try (ThrowawayPostgres database = ThrowawayPostgres.createOrSkip();
             RunningApp app = new RunningApp(tempDir(), Map.of(
                     "ARTIFACT_DB_URL", database.url(), "ARTIFACT_DB_USER", ThrowawayPostgres.USER,
                     "ARTIFACT_LLM_OFFLINE_LATENCY_MS", String.valueOf(latencyMillis),
                     "ARTIFACT_JOB_CONCURRENCY", String.valueOf(jobs),
                     "ARTIFACT_LLM_MAX_CONCURRENCY", String.valueOf(inFlight)))) {
            ArtifactPipeline pipeline = app.application.pipeline();
            List<Actor> founders = new ArrayList<>();
            List<Project> created = new ArrayList<>();
            for (int i = 0; i < projects; i++) {
                Actor founder = Actor.of("founder-" + i, Tier.BOOTSTRAPPER);
                founders.add(founder);
                created.add(pipeline.createProject().create(founder,
                        new CreateProject.Command(null, "Idea number " + i + ": forecast bread demand", Map.of("Who pays?", "Bakers"))));
            }
            resetPeakHeap();
            double cpuBefore = processCpuSeconds();
            long start = System.nanoTime();
            startAll(pipeline, founders, created);
            System.out.printf("BENCH   all %d started after %.2fs%n", projects, (System.nanoTime() - start) / 1e9);
            while (unfinished(database) > 0) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(seconds, notSucceeded(database), peakHeapMiB(), processCpuSeconds() - cpuBefore);
        }
    }

    /** Starts every generation at once, as many clients would, through a bounded number of request threads. */
    private static void startAll(ArtifactPipeline pipeline, List<Actor> founders, List<Project> projects) throws Exception {
        Semaphore requestThreads = new Semaphore(32);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < projects.size(); i++) {
                int index = i;
                started.add(clients.submit(() -> {
                    requestThreads.acquireUninterruptibly();
                    try {
                        pipeline.startGeneration().start(founders.get(index), new StartGeneration.Command(projects.get(index).id(), false));
                    } finally {
                        requestThreads.release();
                    }
                }));
            }
            for (Future<?> future : started) {
                future.get();
            }
        }
    }

    private static long unfinished(ThrowawayPostgres database) throws SQLException {
        return count(database, "select count(*) from generation where state in ('QUEUED', 'RUNNING')");
    }

    private static long notSucceeded(ThrowawayPostgres database) throws SQLException {
        return count(database, "select count(*) from generation where state <> 'SUCCEEDED'");
    }

    private static long count(ThrowawayPostgres database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), ThrowawayPostgres.USER, null);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean allFiveIdle(JsonNode artifacts) {
        if (artifacts == null || artifacts.size() != 5) {
            return false;
        }
        for (JsonNode artifact : artifacts) {
            if (!"idle".equals(artifact.get("generation_status").asText())) {
                return false;
            }
        }
        return true;
    }

    private static void resetPeakHeap() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMiB() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static long maxHeapMiB() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static double processCpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    private static Path tempDir() throws java.io.IOException {
        return Files.createTempDirectory("artifact-bench");
    }
}
