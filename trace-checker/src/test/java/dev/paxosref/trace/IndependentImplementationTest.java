package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.report.Explanation;
import dev.paxosref.trace.report.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An outside implementation, single-decree Paxos written in Python from "Paxos Made Simple" and not from Paxos.tla
 * (src/test/python/lamport_paxos.py), logs in the documented format: every run of it under a seeded scheduler that
 * loses, duplicates and reorders messages and lets proposers pick ballots freely is a behaviour of PaxosGeneral.tla;
 * a run of one of its buggy variants diverges exactly where the bug first did something the protocol forbids, and
 * is valid where the bug never showed.
 */
class IndependentImplementationTest {
    private static final Path PROGRAM = Path.of("src", "test", "python", "lamport_paxos.py");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEEDS = 36;
    private static final int BUGGY_SEEDS = 16;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPython() {
        assumeTrue(pythonAvailable(), "python3 is not on the PATH: the independent implementation is not run");
    }

    @Test
    void everyRunIsABehaviourOfTheGeneralSpec() throws Exception {
        int lowerAfterHigher = 0;
        int olderAcceptRequests = 0;
        int learned = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            JsonNode summary = run(seed, "--clock", "lamport");
            lowerAfterHigher += summary.get("freedoms").get("lowerAfterHigher").asInt();
            olderAcceptRequests += summary.get("freedoms").get("olderAcceptRequest").asInt();
            for (JsonNode value : summary.get("learned")) {
                learned += value.isNull() ? 0 : 1;
            }
        }
        List<TraceOutcome> outcomes = TraceCheck.checkAll(Corpus.options(List.of(dir)));
        assertEquals(SEEDS, outcomes.size());
        outcomes.forEach(o -> assertInstanceOf(Verdict.Valid.class, o.verdict(), () -> o.name() + ": " + o.verdict()));
        // The runs use the freedoms Paxos.tla does not admit, and do reach decisions.
        assertTrue(lowerAfterHigher > 0 && olderAcceptRequests > 0 && learned > 0,
                lowerAfterHigher + " lower ballots after higher, " + olderAcceptRequests + " late 2a, " + learned
                        + " learned");
    }

    @ParameterizedTest
    @CsvSource({
        "acceptor-ignores-promise,     Phase2b, b >= maxBal[a]",
        "proposer-ignores-votes,       Phase2a, \\E Q \\in Quorum",
        "learner-learns-from-minority, Learn,   VotedByQuorum(b, v)"})
    void aBuggyVariantDivergesWhereTheBugFirstShows(String bug, String action, String failedGuard) throws Exception {
        List<JsonNode> bugEventsBySeed = new ArrayList<>();
        for (int seed = 1; seed <= BUGGY_SEEDS; seed++) {
            bugEventsBySeed.add(run(seed, "--bug", bug, "--clock", "global").get("bugEvents"));
        }
        Map<String, TraceOutcome> outcomes = TraceCheck.checkAll(Corpus.options(List.of(dir))).stream()
                .collect(Collectors.toMap(o -> Path.of(o.name()).getFileName().toString(), o -> o));
        int shown = 0;
        for (int seed = 1; seed <= BUGGY_SEEDS; seed++) {
            JsonNode bugEvents = bugEventsBySeed.get(seed - 1);
            Path trace = dir.resolve("seed-" + seed + ".trace");
            TraceOutcome outcome = outcomes.get(trace.getFileName().toString());
            if (bugEvents.isEmpty()) {
                assertInstanceOf(Verdict.Valid.class, outcome.verdict(), () -> trace + ": " + outcome.verdict());
                continue;
            }
            shown++;
            Verdict.Diverged diverged = assertInstanceOf(Verdict.Diverged.class, outcome.verdict(), trace::toString);
            TraceEvent event = outcome.trace().events().get(diverged.eventIndex());
            JsonNode first = bugEvents.get(0);
            assertEquals(first.get(0).asText() + "@" + first.get(1).asLong() + " " + first.get(2).asText(),
                    event.nodeName() + "@" + event.clock() + " " + event.action(), trace.toString());
            assertEquals(action, event.action());
            List<String> failed = diverged.explanation().failedGuards().stream()
                    .map(Explanation.GuardResult::conjunct).toList();
            assertTrue(failed.stream().anyMatch(g -> g.startsWith(failedGuard)), trace + ": failed guards " + failed);
        }
        assertTrue(shown >= 3, "the bug showed in only " + shown + " of " + BUGGY_SEEDS + " runs");
    }

    /** Runs the implementation for one seed, its trace written under {@code dir}; returns its summary. */
    private JsonNode run(int seed, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", PROGRAM.toString(), "--seed", String.valueOf(seed),
                "--out", dir.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed: " + out);
        return JSON.readTree(out);
    }

    private static boolean pythonAvailable() {
        try {
            Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
