package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.trace.CheckOptions.Mode;
import dev.paxosref.trace.report.Explanation.Difference;
import dev.paxosref.trace.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inside a function or record a log of changes logs, what it leaves out is unchanged too: the corpus's valid
 * simulator log of changes with one argument or field taken out of an event diverges there, naming it, and passes
 * with the declaration taken out of its headers. (Stepping mode only: the referee compares what a logged object
 * leaves out as unknown.) A set logged as its change must list exactly the elements the step adds and removes: one
 * left out, one listed that was no change, one the step does not add, each diverges naming the set and the element.
 */
class ChangeLogTest {
    private static final Path VALID = Corpus.ROOT.resolve("valid").resolve("multi-sim-changes.trace");
    /** Line 43 of r3's file: its Snapshot drops slots 1 to 4 of rLog. */
    private static final String SNAPSHOT = "\"rLog\":{\"$removed\":[1,2,3,4]}";
    /** Line 42 of r3's file: its Execute of a cas sets key k0. */
    private static final String EXECUTE = "\"sm\":{\"idx\":4,\"kv\":{\"k0\":\"v9\"},";
    private static final String COUNT = "{\"client\":\"c3\",\"seq\":2,\"op\":[\"count\"]}";
    /** Line 33 of a3's file: its Phase2b in slot 5 adds its vote there to accepted; slot 3's it cast at line 32. */
    private static final String VOTE = "\"accepted\":{\"$added\":[[5,2," + COUNT + "]]}";
    private static final String SLOT_3 = "[3,2,{\"client\":\"c1\",\"seq\":2,\"op\":[\"cas\",\"own-c1\",\"nil\",\"v9\"]}]";
    private static final String CAS = "{\"client\":\"c2\",\"seq\":1,\"op\":[\"cas\",\"k0\",\"nil\",\"v9\"]}";
    /** Line 34 of proposer 2's file (n3): slot 4 is decided and leaves pProposals. */
    private static final String DECIDED = "\"pProposals\":{\"$removed\":[[4," + CAS + "]]}";
    /** Line 24 of a1's file (n1): its Phase2b in ballot 3 replaces its vote in slot 4 of ballot 2. */
    private static final String REPLACED = "\"accepted\":{\"$added\":[[4,3," + CAS + "]],\"$removed\":[[4,2," + CAS
            + "]]}";

    @TempDir
    Path dir;

    @Test
    void aRemovalTheEventDoesNotListDivergesNamingTheArgument() throws IOException {
        Path trace = edited(SNAPSHOT, "\"rLog\":{\"$removed\":[1,2,3]}");
        Difference left = divergesAt(trace, 43, "Snapshot").get(0);
        assertEquals("rLog[r3][4] left out of a change log, so unchanged (logged: its value before the step; the step "
                + "removes it)", left.what());
        assertNull(left.expected(), "the spec's step removes it");
        assertEquals("c2", left.logged().get("client").asText());
        passesWithoutTheDeclaration(trace);
    }

    @Test
    void aChangedFieldLeftOutOfALoggedRecordDivergesNamingTheField() throws IOException {
        Path trace = edited(EXECUTE, "\"sm\":{\"idx\":4,");
        Difference left = divergesAt(trace, 42, "Execute").get(0);
        assertEquals("sm[r3][kv] left out of a change log, so unchanged (logged: its value before the step)",
                left.what());
        assertEquals("v9", left.expected().get("k0").asText());
        assertNull(left.logged().get("k0"), "k0 was not set before the step");
        passesWithoutTheDeclaration(trace);
    }

    @Test
    void aVoteTheStepAddsLeftOutOfAddedDivergesNamingTheSetAndTheVote() throws IOException {
        Path trace = edited(VOTE, "\"accepted\":{}");
        Difference left = only(divergesAt(trace, 33, "Phase2b"), "accepted[a3]: element [5,2,");
        assertTrue(left.what().endsWith(" left out of $added, so not added (logged: the set before the step)"),
                left.what());
        assertEquals(left.logged().size() + 1, left.expected().size(), "spec: the set after the step, one vote more "
                + "than logged: the set before it");
        passesWithoutTheDeclaration(trace);
    }

    @Test
    void anElementTheStepRemovesLeftOutOfRemovedDivergesNamingIt() throws IOException {
        Path trace = edited(DECIDED, "\"pProposals\":{}");
        Difference left = only(divergesAt(trace, 34, "ReceiveAccepted"), "pProposals[2]: element [4,");
        assertTrue(left.what().endsWith(" left out of $removed, so not removed (logged: the set before the step)"),
                left.what());
        passesWithoutTheDeclaration(trace);
    }

    @Test
    void aChangeOfBothKindsMustListBoth() throws IOException {
        Path trace = edited("n1.ndjson", REPLACED, "\"accepted\":{\"$added\":[[4,3," + CAS + "]]}");
        Difference left = only(divergesAt(trace, 24, "Phase2b"), "accepted[a1]: element [4,2,");
        assertTrue(left.what().endsWith(" left out of $removed, so not removed (logged: the set before the step)"),
                left.what());
        passesWithoutTheDeclaration(trace);
    }

    @Test
    void anElementListedThatWasNoChangeDivergesNamingIt() throws IOException {
        Path trace = edited(VOTE, "\"accepted\":{\"$added\":[" + SLOT_3 + ",[5,2," + COUNT + "]]}");
        Difference noOp = only(divergesAt(trace, 33, "Phase2b"), "accepted[a3]: $added lists [3,2,");
        assertTrue(noOp.what().endsWith(", which was in the set before the step (a change log lists changes only)"),
                noOp.what());
        passesWithoutTheDeclaration(trace);

        Path removed = edited(VOTE, "\"accepted\":{\"$added\":[[5,2," + COUNT + "]],\"$removed\":[[9,2," + COUNT
                + "]]}");
        Difference never = only(divergesAt(removed, 33, "Phase2b"), "accepted[a3]: $removed lists [9,2,");
        assertTrue(never.what().endsWith(", which was not in the set before the step (a change log lists changes "
                + "only)"), never.what());
        passesWithoutTheDeclaration(removed);
    }

    @Test
    void aWrongElementDivergesInAnyLogAndTheChangeLogNamesBothElements() throws IOException {
        Path trace = edited(VOTE, "\"accepted\":{\"$added\":[[5,1," + COUNT + "]]}");
        List<Difference> differences = divergesAt(trace, 33, "Phase2b");
        assertEquals("accepted[a3]", differences.get(0).what(), "the matcher: [5,1,...] is not in the set after");
        assertTrue(only(differences, "accepted[a3]: $added lists [5,1,").what()
                .endsWith(", which the step does not add"));
        only(differences, "accepted[a3]: element [5,2,");
        try (Stream<Path> files = Files.list(trace)) {
            for (Path file : files.toList()) {
                Files.writeString(file, Files.readString(file).replaceFirst(",\"state\":\"changes\"", ""));
            }
        }
        assertInstanceOf(Verdict.Diverged.class, check(trace).verdict(), "the set after the step lacks [5,1,...]");
    }

    /** The one difference whose description starts with {@code start}. */
    private static Difference only(List<Difference> differences, String start) {
        List<Difference> found = differences.stream().filter(d -> d.what().startsWith(start)).toList();
        assertEquals(1, found.size(), () -> start + " in " + differences.stream().map(Difference::what).toList());
        return found.get(0);
    }

    /** The valid trace copied with {@code from} replaced by {@code to} in r3's file. */
    private Path edited(String from, String to) throws IOException {
        return edited("n3.ndjson", from, to);
    }

    /** The valid trace copied, to a new directory, with {@code from} replaced by {@code to} in {@code edited}. */
    private Path edited(String edited, String from, String to) throws IOException {
        Path trace = Files.createTempDirectory(dir, "edited").resolve("edited.trace");
        Files.createDirectories(trace);
        try (Stream<Path> files = Files.list(VALID)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().equals(edited)) {
                    assertEquals(1, text.split(Pattern.quote(from), -1).length - 1, from);
                    text = text.replace(from, to);
                }
                Files.writeString(trace.resolve(file.getFileName()), text);
            }
        }
        return trace;
    }

    private static List<Difference> divergesAt(Path trace, int line, String action) {
        TraceOutcome outcome = check(trace);
        Verdict.Diverged diverged = assertInstanceOf(Verdict.Diverged.class, outcome.verdict());
        assertEquals(line, outcome.trace().events().get(diverged.eventIndex()).origin().line());
        assertEquals(action, outcome.trace().events().get(diverged.eventIndex()).action());
        return diverged.explanation().differences();
    }

    private static void passesWithoutTheDeclaration(Path trace) throws IOException {
        try (Stream<Path> files = Files.list(trace)) {
            for (Path file : files.toList()) {
                Files.writeString(file, Files.readString(file).replaceFirst(",\"state\":\"changes\"", ""));
            }
        }
        assertInstanceOf(Verdict.Valid.class, check(trace).verdict());
    }

    private static TraceOutcome check(Path trace) {
        List<TraceOutcome> outcomes = TraceCheck.checkAll(Corpus.options(List.of(trace), Mode.STEP, 0, 1, false));
        assertNull(outcomes.get(0).inputError(), () -> outcomes.get(0).inputError().getMessage());
        return outcomes.get(0);
    }
}
