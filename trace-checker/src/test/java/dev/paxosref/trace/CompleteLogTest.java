package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paxosref.sim.FaultProfile;
import dev.paxosref.sim.Protocol;
import dev.paxosref.sim.SimulationRunner;
import dev.paxosref.sim.mutant.Mutant;
import dev.paxosref.trace.CheckOptions.Mode;
import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.report.Explanation.Difference;
import dev.paxosref.trace.report.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A complete log's sends are compared with the spec's for equality, which catches bugs the subset rule of other
 * logs cannot: a step that leaves out a message the spec sends, or sends again one the network already has. Each
 * mutant's traces pass when declared incomplete, and diverge, where the bug lives, when declared complete. In the
 * same way a log of changes (header {@code "state": "changes"}) has what an event leaves out of its node's state
 * compared as unchanged, which catches a step that fails to change what the spec's step changes.
 */
class CompleteLogTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final String MISSING = "sent: missing a message the step sends";
    private static final int SEEDS = 4;
    /**
     * A retry of a client's last command chosen twice, the only retry both the spec and the core answer, is rarer:
     * seed 10 is the first where the mutant drops such a reply.
     */
    private static final int MULTI_SEEDS = 12;

    @TempDir
    Path dir;

    /**
     * MultiPaxos.tla's Execute answers a command executed before with its first result; the mutant executes it
     * as the core does but sends nothing. The reply a divergence names was sent by an earlier Execute of the same
     * command, and the correct core's log, declared complete, is valid in every seed (the spec's replicas, as the
     * core's, answer a retry of each client's last command from its session): the divergence is the mutant's alone.
     */
    @Test
    void aReplicaThatDropsARetrysReplyDivergesAtExecuteOnlyInACompleteLog() throws IOException {
        Path correct = dir.resolve("correct");
        Path mutant = dir.resolve("mutant");
        SimulationRunner.run(Protocol.MULTI, 1, MULTI_SEEDS, FaultProfile.DEFAULT, Set.of(), correct, QUIET);
        SimulationRunner.run(Protocol.MULTI, 1, MULTI_SEEDS, FaultProfile.DEFAULT,
                Set.of(Mutant.REPLICA_DROPS_RETRY_REPLY),
                mutant, QUIET);
        declareComplete(mutant, false);
        check(mutant, Mode.STEP).forEach(o -> assertInstanceOf(Verdict.Valid.class, o.verdict(), o.name()));
        declareComplete(correct, true);
        check(correct, Mode.STEP).forEach(o -> assertInstanceOf(Verdict.Valid.class, o.verdict(), o.name()));
        declareComplete(mutant, true);
        List<Divergence> diverged = divergences(mutant, "Execute", "the mutant diverges in no seed");
        for (Divergence d : diverged) {
            assertEquals(List.of(), d.event().sent());
            Difference missing = d.first();
            assertEquals(MISSING, missing.what(), d.outcome().name());
            assertEquals("reply", missing.expected().get("type").asText());
            assertTrue(repliedBefore(d.outcome(), d.verdict().eventIndex(), missing.expected().get("cmd")),
                    d.outcome().name() + ": " + missing.expected() + " is a retry's answer");
        }
        assertRefereeAgrees(diverged.get(0).outcome());
    }

    /**
     * The 2b an acceptor sends again with its promise was in Paxos.tla's network, the set of every message sent,
     * since it voted: the subset rule finds it there, and only the complete log's equality names it extra.
     */
    @Test
    void anAcceptorThatResendsItsVoteDivergesAtPhase1bOnlyInACompleteLog() throws IOException {
        SimulationRunner.run(Protocol.SINGLE, 1, SEEDS, FaultProfile.DEFAULT, Set.of(Mutant.ACCEPTOR_RESENDS_VOTE), dir,
                QUIET);
        declareComplete(dir, true);
        for (Divergence d : divergences(dir, "Phase1b", "no acceptor promised after it voted")) {
            assertEquals("sent " + d.event().sent().get(1).id() + ": extra, the step does not send it",
                    d.first().what());
            assertEquals("2b", d.first().logged().get("type").asText());
        }
        declareComplete(dir, false);
        check(dir, Mode.STEP).forEach(o -> assertInstanceOf(Verdict.Valid.class, o.verdict(), o.name()));
    }

    /**
     * The mutant's Snapshot leaves rLog as it was; the writer, logging what changed, leaves it out. Read as unknown
     * (the declaration taken out of the headers) that passes in every seed; read as unchanged, the seeds that
     * snapshot diverge at that Snapshot, the report giving rLog as the spec's step leaves it beside its value before.
     */
    @Test
    void aReplicaThatKeepsTheSlotsItsSnapshotCoversDivergesAtSnapshotOnlyInALogOfChanges() throws IOException {
        SimulationRunner.run(Protocol.MULTI, 1, SEEDS, FaultProfile.DEFAULT,
                Set.of(Mutant.REPLICA_KEEPS_SNAPSHOTTED_LOG), dir, QUIET);
        List<Divergence> diverged = divergences(dir, "Snapshot", "no replica snapshotted");
        for (Divergence d : diverged) {
            assertNull(d.event().state().get("rLog"), "the writer logs no change of rLog");
            Difference kept = d.first();
            assertEquals("rLog[" + d.event().nodeName() + "] left out of a change log, so unchanged (logged: its "
                    + "value before the step)", kept.what());
            assertTrue(kept.logged().size() > kept.expected().size(), kept.logged() + " is kept whole");
        }
        assertRefereeAgrees(diverged.get(0).outcome());
        rewriteHeaders(dir, "\"state\":\"changes\",", "");
        check(dir, Mode.STEP).forEach(o -> assertInstanceOf(Verdict.Valid.class, o.verdict(), o.name()));
    }

    /** The referee diverges at the same event as stepping mode did. */
    /** A trace that diverged in stepping mode, the event it diverged at and the report's first difference. */
    private record Divergence(TraceOutcome outcome, Verdict.Diverged verdict, TraceEvent event, Difference first) {}

    /**
     * The traces under {@code traces} that diverge in stepping mode, at least one ({@code noneMessage} otherwise),
     * each at an event of {@code action}.
     */
    private List<Divergence> divergences(Path traces, String action, String noneMessage) {
        List<Divergence> divergences = new ArrayList<>();
        for (TraceOutcome outcome : check(traces, Mode.STEP)) {
            if (outcome.verdict() instanceof Verdict.Diverged verdict) {
                TraceEvent event = outcome.trace().events().get(verdict.eventIndex());
                assertEquals(action, event.action(), outcome.name());
                divergences.add(new Divergence(outcome, verdict, event,
                        verdict.explanation().differences().get(0)));
            }
        }
        assertFalse(divergences.isEmpty(), noneMessage);
        return divergences;
    }

    private static void assertRefereeAgrees(TraceOutcome stepped) {
        TraceOutcome refereed = TraceCheck.checkAll(Corpus.options(List.of(Path.of(stepped.name())), Mode.TLC, 0, 1,
                false)).get(0);
        assertNull(refereed.inputError(), () -> refereed.inputError().getMessage());
        assertEquals(((Verdict.Diverged) stepped.verdict()).eventIndex(),
                assertInstanceOf(Verdict.Diverged.class, refereed.verdict()).eventIndex(), "the referee agrees");
    }

    private List<TraceOutcome> check(Path traces, Mode mode) {
        List<TraceOutcome> outcomes = TraceCheck.checkAll(Corpus.options(List.of(traces), mode, 0, 2, false));
        outcomes.forEach(o -> assertNull(o.inputError(), () -> o.name() + ": " + o.inputError().getMessage()));
        return outcomes;
    }

    /** Whether an event before {@code index} sent a reply to {@code command}. */
    private static boolean repliedBefore(TraceOutcome outcome, int index, JsonNode command) {
        return outcome.trace().events().subList(0, index).stream().flatMap(e -> e.sent().stream())
                .map(LoggedMessage::fields)
                .anyMatch(m -> m.get("type").asText().equals("reply") && m.get("cmd").equals(command));
    }

    /** Rewrites the header of every file under {@code traces} to declare the log complete or not, as it may be. */
    private static void declareComplete(Path traces, boolean complete) throws IOException {
        rewriteHeaders(traces, "\"complete\":(true|false)", "\"complete\":" + complete);
    }

    /** Replaces the first match of {@code regex} in the header of every file under {@code traces}. */
    private static void rewriteHeaders(Path traces, String regex, String replacement) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(traces)) {
            files = walk.filter(p -> p.toString().endsWith(".ndjson")).toList();
        }
        for (Path file : files) {
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            lines.set(0, lines.get(0).replaceFirst(regex, replacement));
            Files.write(file, lines);
        }
    }
}
