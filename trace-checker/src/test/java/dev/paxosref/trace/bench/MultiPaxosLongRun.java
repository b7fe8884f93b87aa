package dev.paxosref.trace.bench;

import dev.paxosref.sim.FaultProfile;
import dev.paxosref.sim.Protocol;
import dev.paxosref.sim.SeedResult;
import dev.paxosref.sim.SimulationRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Long Multi-Paxos traces for the benchmark: one simulator run (seed 1, default faults throughout) whose clients send enough
 * increments for the trace to have at least the asked number of events. Concatenating short runs would not be a
 * behaviour of the spec, so the run itself is long. Kept under the work directory and reused.
 */
final class MultiPaxosLongRun {
    private static final long SEED = 1;
    /** A first guess; the run is repeated with more increments until it is long enough. */
    private static final int EVENTS_PER_INCREMENT_GUESS = 40;

    private MultiPaxosLongRun() {}

    /** The per-node trace directory of a run with at least {@code events} events. */
    static Path atLeast(int events, Path work) {
        Path dir = work.resolve("multi-" + events);
        Path trace = dir.resolve("seed-" + SEED + ".trace");
        if (Files.isDirectory(trace)) {
            return trace;
        }
        int opsPerClient = Math.max(1, events / EVENTS_PER_INCREMENT_GUESS / 3);
        while (true) {
            SeedResult run = Protocol.runLongMultiPaxos(SEED, faultsThroughout(opsPerClient), opsPerClient);
            if (run.violation().isPresent()) {
                throw new IllegalStateException("the long run violated " + run.violation().get());
            }
            long logged = run.traceByNode().values().stream().mapToLong(t -> t.lines().count() - 1).sum();
            if (logged >= events) {
                SimulationRunner.export(run, dir);
                return trace;
            }
            opsPerClient = (int) Math.ceil(opsPerClient * 1.2 * events / Math.max(1, logged));
        }
    }

    /**
     * The default faults, for a fault phase as much longer as the run has more increments than a default seed, and
     * a heal phase with time enough for every client to finish.
     */
    private static FaultProfile faultsThroughout(int opsPerClient) {
        FaultProfile d = FaultProfile.DEFAULT;
        return new FaultProfile("long", d.dropProbability(), d.duplicateProbability(), d.delayMsMax(),
                d.crashProbability(), d.restartProbability(), d.partitionProbability(), d.healProbability(),
                d.crashDuringWriteProbability(), d.unsyncedWriteSurvivesProbability(), d.tornWriteProbability(),
                d.faultPhaseMs() * Math.max(1, opsPerClient / 4), Integer.MAX_VALUE);
    }

    static int events(Path trace) {
        try (Stream<Path> files = Files.list(trace)) {
            return files.mapToInt(MultiPaxosLongRun::eventLines).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int eventLines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return (int) lines.filter(l -> !l.isBlank()).count() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
