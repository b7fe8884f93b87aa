package dev.paxosref.sim;

import dev.paxosref.sim.mutant.Mutant;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs many seeds, reports progress and violations with a reproduction command, and sums up. Seeds may run on
 * several threads ({@code jobs}); each seed runs alone in its thread, and results are reported in seed order, so
 * the output does not depend on the number of jobs.
 */
public final class SimulationRunner {
    /** Keeping every failure of a broken build would only repeat the first few. */
    private static final int FAILURES_KEPT_MAX = 20;
    /** Seeds started ahead of the one reported, per job: enough to keep every job busy, few enough to hold. */
    private static final int SEEDS_AHEAD_PER_JOB = 4;

    /** One seed that broke a property, under the faults it ran with. */
    public record Failure(long seed, FaultProfile faults, Violation violation) {
    }

    /** The totals of a run of seeds. */
    public record Summary(int seeds, long steps, long faultsInjected, int violations, double seedsPerSecond,
                          List<Failure> failures) {
        public Summary {
            failures = List.copyOf(failures);
        }
    }

    private SimulationRunner() {
    }

    /** {@code ./paxos sim}: seeds firstSeed, firstSeed + 1, ... with the correct core. */
    public static Summary run(long firstSeed, int seeds, FaultProfile faults, Path traceDirOrNull,
                              PrintStream progress) {
        return run(firstSeed, seeds, faults, Set.of(), traceDirOrNull, progress);
    }

    /** The same, with the core's roles wrapped in mutants. */
    public static Summary run(long firstSeed, int seeds, FaultProfile faults, Set<Mutant> mutants, Path traceDirOrNull,
                              PrintStream progress) {
        return run(Protocol.SINGLE, firstSeed, seeds, faults, mutants, traceDirOrNull, progress);
    }

    /** {@code ./paxos sim --protocol single|multi}, with the roles wrapped in mutants if any, on one thread. */
    public static Summary run(Protocol protocol, long firstSeed, int seeds, Faults faults, Set<Mutant> mutants,
                              Path traceDirOrNull, PrintStream progress) {
        return run(protocol, firstSeed, seeds, faults, mutants, traceDirOrNull, 1, progress);
    }

    /** The same on {@code jobs} threads. Seeds are traced only when their traces are written out. */
    public static Summary run(Protocol protocol, long firstSeed, int seeds, Faults faults, Set<Mutant> mutants,
                              Path traceDirOrNull, int jobs, PrintStream progress) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1: " + jobs);
        }
        long startedNs = System.nanoTime();
        long steps = 0;
        long faultsInjected = 0;
        int violations = 0;
        List<Failure> failures = new ArrayList<>();
        int progressEvery = Math.max(1, seeds / 10);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            ArrayDeque<Future<SeedResult>> ahead = new ArrayDeque<>();
            int started = 0;
            for (int i = 0; i < seeds; i++) {
                while (started < seeds && ahead.size() < jobs * SEEDS_AHEAD_PER_JOB) {
                    long seed = firstSeed + started++;
                    FaultProfile profile = faults.forSeed(seed);
                    ahead.add(pool.submit(() -> traceDirOrNull == null ? protocol.runUntraced(seed, profile, mutants)
                        : protocol.run(seed, profile, mutants)));
                }
                SeedResult result = resultOf(ahead.poll());
                steps += result.steps();
                faultsInjected += result.faultsInjected();
                if (traceDirOrNull != null) {
                    export(result, traceDirOrNull);
                }
                if (result.violation().isPresent()) {
                    violations++;
                    Failure failure = new Failure(result.seed(), faults.forSeed(result.seed()),
                        result.violation().get());
                    if (failures.size() < FAILURES_KEPT_MAX) {
                        failures.add(failure);
                    }
                    report(protocol, faults, failure, progress);
                }
                if ((i + 1) % progressEvery == 0 || i + 1 == seeds) {
                    progress.printf("%d/%d seeds, %d steps, %d violations%n", i + 1, seeds, steps, violations);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - startedNs) / 1e9);
        Summary summary = new Summary(seeds, steps, faultsInjected, violations, seeds / seconds, failures);
        progress.printf("%d seeds in %.2f s: %.0f seeds/s, %d steps, %d faults injected, %d violations%n",
            seeds, seconds, summary.seedsPerSecond(), steps, faultsInjected, violations);
        return summary;
    }

    private static SeedResult resultOf(Future<SeedResult> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // bad input (a mutant the protocol lacks) is reported as such
            }
            throw new IllegalStateException("a seed failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a seed", e);
        }
    }

    private static void report(Protocol protocol, Faults faults, Failure failure, PrintStream progress) {
        Violation v = failure.violation();
        progress.printf("seed %d violates %s at step %d: %s%n", failure.seed(), v.property(), v.step(), v.detail());
        progress.printf("  faults: %s: %s%n", faults.name(), failure.faults().parameters());
        progress.printf("  reproduce: ./paxos sim%s --first-seed %d --seeds 1 --faults %s%n",
            protocol == Protocol.SINGLE ? "" : " --protocol " + protocol.cliName, failure.seed(), faults.name());
    }

    /**
     * Writes {dir}/seed-{seed}.trace/{node}.ndjson: one file per node, the folder the trace checker reads as one trace.
     * A node file left there by an earlier run (of another cluster size, say) is removed first: the checker would read
     * it as part of this trace.
     */
    public static void export(SeedResult result, Path dir) {
        Path seedDir = dir.resolve("seed-" + result.seed() + ".trace");
        try {
            Files.createDirectories(seedDir);
            try (Stream<Path> earlier = Files.list(seedDir)) {
                for (Path stale : earlier.filter(f -> f.toString().endsWith(".ndjson")).toList()) {
                    Files.delete(stale);
                }
            }
            for (var entry : result.traceByNode().entrySet()) {
                Files.writeString(seedDir.resolve(entry.getKey() + ".ndjson"), entry.getValue(),
                    StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing traces of seed " + result.seed() + " to " + seedDir, e);
        }
    }
}
