package dev.paxosref.sim;

import dev.paxosref.sim.mutant.Mutant;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs many seeds, reports progress and violations with a reproduction command, and sums up. */
public final class SimulationRunner {
    /** Keeping every failure of a broken build would only repeat the first few. */
    private static final int FAILURES_KEPT_MAX = 20;

    /** One seed that broke a property. */
    public record Failure(long seed, Violation violation) {
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

    /** {@code ./paxos sim --protocol single|multi}, with the roles wrapped in mutants if any. */
    public static Summary run(Protocol protocol, long firstSeed, int seeds, FaultProfile faults, Set<Mutant> mutants,
                              Path traceDirOrNull, PrintStream progress) {
        long startedNs = System.nanoTime();
        long steps = 0;
        long faultsInjected = 0;
        int violations = 0;
        List<Failure> failures = new ArrayList<>();
        int progressEvery = Math.max(1, seeds / 10);
        for (int i = 0; i < seeds; i++) {
            long seed = firstSeed + i;
            SeedResult result = protocol.run(seed, faults, mutants);
            steps += result.steps();
            faultsInjected += result.faultsInjected();
            if (traceDirOrNull != null) {
                export(result, traceDirOrNull);
            }
            if (result.violation().isPresent()) {
                violations++;
                Violation v = result.violation().get();
                if (failures.size() < FAILURES_KEPT_MAX) {
                    failures.add(new Failure(seed, v));
                }
                progress.printf("seed %d violates %s at step %d: %s%n  reproduce: ./paxos sim%s --first-seed %d "
                    + "--seeds 1 --faults %s%n", seed, v.property(), v.step(), v.detail(),
                    protocol == Protocol.SINGLE ? "" : " --protocol " + protocol.cliName, seed, faults.name());
            }
            if ((i + 1) % progressEvery == 0 || i + 1 == seeds) {
                progress.printf("%d/%d seeds, %d steps, %d violations%n", i + 1, seeds, steps, violations);
            }
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - startedNs) / 1e9);
        Summary summary = new Summary(seeds, steps, faultsInjected, violations, seeds / seconds, failures);
        progress.printf("%d seeds in %.2f s: %.0f seeds/s, %d steps, %d faults injected, %d violations%n",
            seeds, seconds, summary.seedsPerSecond(), steps, faultsInjected, violations);
        return summary;
    }

    /** Writes {dir}/seed-{seed}.trace/{node}.ndjson: one file per node, the folder the trace checker reads as one trace. */
    public static void export(SeedResult result, Path dir) {
        Path seedDir = dir.resolve("seed-" + result.seed() + ".trace");
        try {
            Files.createDirectories(seedDir);
            for (var entry : result.traceByNode().entrySet()) {
                Files.writeString(seedDir.resolve(entry.getKey() + ".ndjson"), entry.getValue(),
                    StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing traces of seed " + result.seed() + " to " + seedDir, e);
        }
    }
}
