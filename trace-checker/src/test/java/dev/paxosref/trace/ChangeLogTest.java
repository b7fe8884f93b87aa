package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

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
 * leaves out as unknown.)
 */
class ChangeLogTest {
    private static final Path VALID = Corpus.ROOT.resolve("valid").resolve("multi-sim-changes.trace");
    /** Line 43 of r3's file: its Snapshot drops slots 1 to 4 of rLog. */
    private static final String SNAPSHOT = "\"rLog\":{\"$removed\":[1,2,3,4]}";
    /** Line 42 of r3's file: its Execute of a cas sets key k0. */
    private static final String EXECUTE = "\"sm\":{\"idx\":4,\"kv\":{\"k0\":\"v9\"},";

    @TempDir
    Path dir;

    @Test
    void aRemovalTheEventDoesNotListDivergesNamingTheArgument() throws IOException {
        Path trace = edited(SNAPSHOT, "\"rLog\":{\"$removed\":[1,2,3]}");
        Difference left = divergesAt(trace, 43, "Snapshot");
        assertEquals("rLog[r3][4] left out of a change log, so unchanged (logged: its value before the step; the step "
                + "removes it)", left.what());
        assertNull(left.expected(), "the spec's step removes it");
        assertEquals("c2", left.logged().get("client").asText());
        passesWithoutTheDeclaration(trace);
    }

    @Test
    void aChangedFieldLeftOutOfALoggedRecordDivergesNamingTheField() throws IOException {
        Path trace = edited(EXECUTE, "\"sm\":{\"idx\":4,");
        Difference left = divergesAt(trace, 42, "Execute");
        assertEquals("sm[r3][kv] left out of a change log, so unchanged (logged: its value before the step)",
                left.what());
        assertEquals("v9", left.expected().get("k0").asText());
        assertNull(left.logged().get("k0"), "k0 was not set before the step");
        passesWithoutTheDeclaration(trace);
    }

    /** The valid trace copied with {@code from} replaced by {@code to} in r3's file. */
    private Path edited(String from, String to) throws IOException {
        Path trace = dir.resolve("edited.trace");
        Files.createDirectories(trace);
        try (Stream<Path> files = Files.list(VALID)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().equals("n3.ndjson")) {
                    assertEquals(1, text.split(Pattern.quote(from), -1).length - 1, from);
                    text = text.replace(from, to);
                }
                Files.writeString(trace.resolve(file.getFileName()), text);
            }
        }
        return trace;
    }

    private static Difference divergesAt(Path trace, int line, String action) {
        TraceOutcome outcome = check(trace);
        Verdict.Diverged diverged = assertInstanceOf(Verdict.Diverged.class, outcome.verdict());
        assertEquals(line, outcome.trace().events().get(diverged.eventIndex()).origin().line());
        assertEquals(action, outcome.trace().events().get(diverged.eventIndex()).action());
        return diverged.explanation().differences().get(0);
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
