package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.sim.FaultProfile;
import dev.paxosref.sim.SimulationRunner;
import dev.paxosref.sim.mutant.Mutant;
import dev.paxosref.trace.report.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces of one module with different headers are checked with one model whose constants are bound per trace
 * (SpecModel.loadForAnyHeader); each verdict is the one a model loaded for that trace's header alone gives.
 */
class AnyHeaderModelTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    @Test
    void oneModelForManyHeadersGivesTheVerdictsOfAModelPerHeader() throws IOException {
        SimulationRunner.run(1, 16, FaultProfile.DEFAULT, Set.of(Mutant.ACCEPTOR_SKIPS_PROMISE_CHECK), dir, QUIET);
        withUndeclaredConstant(dir.resolve("seed-1.trace"), dir.resolve("seed-undeclared.trace"));
        List<TraceOutcome> together = TraceCheck.checkAll(Corpus.options(List.of(dir), CheckOptions.Mode.STEP, 0, 2,
                false));
        assertTrue(together.stream().filter(o -> o.trace() != null).map(o -> o.trace().header().constants())
                .collect(Collectors.toSet()).size() > 2, "the traces have different headers");
        assertTrue(together.stream().anyMatch(o -> o.verdict() instanceof Verdict.Diverged), "some trace diverges");
        assertTrue(together.stream().anyMatch(o -> o.verdict() instanceof Verdict.Valid), "some trace is valid");
        for (TraceOutcome outcome : together) {
            TraceOutcome alone = TraceCheck.checkAll(Corpus.options(List.of(Path.of(outcome.name())))).get(0);
            assertEquals(describe(alone), describe(outcome), outcome.name());
        }
    }

    private static String describe(TraceOutcome outcome) {
        if (outcome.inputError() != null) {
            return "bad input: " + outcome.inputError().getMessage();
        }
        return outcome.verdict() instanceof Verdict.Diverged d ? "diverged at " + d.eventIndex() + ": "
                + d.explanation().summary() : outcome.verdict().getClass().getSimpleName();
    }

    /** A copy of the trace whose header also gives a constant the module does not declare. */
    private static void withUndeclaredConstant(Path trace, Path copy) throws IOException {
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(trace)) {
            for (Path file : files.toList()) {
                List<String> lines = Files.readAllLines(file);
                String header = lines.get(0).replace("\"constants\":{", "\"constants\":{\"Colour\":\"red\",");
                Files.write(copy.resolve(file.getFileName()), Stream.concat(Stream.of(header),
                        lines.stream().skip(1)).toList());
            }
        }
    }
}
