package dev.paxosref.trace.referee;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.sim.FaultProfile;
import dev.paxosref.sim.Protocol;
import dev.paxosref.sim.SimulationRunner;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceMerger;
import dev.paxosref.trace.format.TraceReader;
import dev.paxosref.trace.report.Verdict;
import dev.paxosref.trace.spec.ModuleSignature;
import dev.paxosref.trace.spec.SpecConventions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The referee's work on a Multi-Paxos trace grows with the trace, not with choices the log does not leave open: on a
 * simulator seed of several hundred events (a log of changes, default faults) TLC finds one state per logged event
 * and per network step it takes. Its trace spec once gave a step that sends k messages 2^k successors (one per
 * witness of a disjunction) and visited every subset of the messages lost after an event; a trace like this one did
 * not finish in minutes.
 */
class RefereeStateCountTest {
    /** Seed 1 of the Multi-Paxos simulator logs 955 events. */
    private static final long SEED = 1;
    private static final int EVENTS_MIN = 500;
    private static final Path SPEC = Path.of("..", "spec", "tla", "MultiPaxos.tla");

    @TempDir
    Path dir;

    @Test
    void aMultiPaxosTraceOfSeveralHundredEventsTakesOneStatePerStep() throws IOException {
        SimulationRunner.run(Protocol.MULTI, SEED, 1, FaultProfile.DEFAULT, Set.of(), dir,
                new PrintStream(OutputStream.nullOutputStream()));
        Trace trace = readTheOneTrace();
        int events = trace.events().size();
        assertTrue(events >= EVENTS_MIN, "seed " + SEED + " logs " + events + " events");
        ModuleSignature signature = ModuleSignature.read(SPEC);
        RefereeChecker.Run run = new RefereeChecker(signature, SpecConventions.of(signature),
                Path.of("target", "trace-checker-test").toAbsolutePath(), 0).run(trace);
        assertInstanceOf(Verdict.Valid.class, run.verdict());
        // One state per event, and at most as many for the network's losses and duplicates between them; TLC
        // generates each once (generated counts a state reached again, as by two witnesses of one step).
        String counts = events + " events, " + run.states().generated() + " states generated, " + run.states().distinct()
                + " distinct";
        assertTrue(run.states().distinct() > events, counts);
        assertTrue(run.states().generated() <= 2L * events + 1, counts);
    }

    private Trace readTheOneTrace() throws IOException {
        Path traceDir;
        try (Stream<Path> found = Files.walk(dir)) {
            traceDir = found.filter(p -> p.toString().endsWith(".trace")).findFirst().orElseThrow();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(traceDir)) {
            files = list.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
        }
        return new TraceMerger().merge(traceDir.toString(), new TraceReader().readAll(files));
    }
}
