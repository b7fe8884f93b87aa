package dev.paxosref.trace.referee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.mc.TlcJvm;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceMerger;
import dev.paxosref.trace.format.TraceReader;
import dev.paxosref.trace.spec.ModuleSignature;
import dev.paxosref.trace.spec.SpecConventions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SANY takes the trace spec the referee writes without an error or a warning. TLC carries on past SANY's semantic
 * errors, and SANY exits with 0 after them, so a referee verdict does not show one: the trace spec once extended
 * Sequences, whose Seq conflicts with MultiPaxos's CONSTANT Seq, in every Multi-Paxos run.
 */
class TraceSpecSanyTest {
    private static final Path SPEC = Path.of("..", "spec", "tla", "MultiPaxos.tla");
    private static final Path TRACE = Path.of("src", "test", "resources", "traces", "valid", "multi-one-slot.ndjson");

    @TempDir
    Path dir;

    @Test
    void sanyReportsNoErrorOrWarningOnAMultiPaxosTraceSpec() throws IOException {
        ModuleSignature signature = ModuleSignature.read(SPEC);
        Trace trace = new TraceMerger().merge(TRACE.toString(), new TraceReader().readAll(List.of(TRACE)));
        String file = TraceSpecWriter.MODULE + ".tla";
        Files.writeString(dir.resolve(file),
                new TraceSpecWriter(SpecConventions.of(signature)).module(trace, signature, 0));
        List<String> output = new ArrayList<>();
        List<String> command = TlcJvm.command(dir, List.of("-DTLA-Library=" + SPEC.toAbsolutePath().getParent()),
                "tla2sany.SANY", List.of(file));
        int exitCode = TlcJvm.drain(TlcJvm.start(command, dir), dir.resolve("sany.out"), output::add);
        String all = String.join("\n", output);
        assertEquals(0, exitCode, all);
        String reached = "Semantic processing of module " + TraceSpecWriter.MODULE;
        assertTrue(output.contains(reached), "SANY did not get to the trace spec's semantics:\n" + all);
        assertTrue(output.stream().noneMatch(l -> l.contains("*** Errors") || l.contains("*** Warnings")
                || l.contains("conflicts") || l.contains("Parse Error")), all);
    }
}
