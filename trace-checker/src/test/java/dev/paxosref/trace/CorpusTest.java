package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.trace.CheckOptions.Mode;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.report.Explanation;
import dev.paxosref.trace.report.Verdict;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every corpus trace gets its expected verdict and first divergent event, in both modes. */
class CorpusTest {

    @TestFactory
    Stream<DynamicTest> steppingModeGivesTheExpectedVerdict() {
        return traces().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertExpected(c, check(c, Mode.STEP))));
    }

    @TestFactory
    Stream<DynamicTest> refereeModeGivesTheExpectedVerdict() {
        return traces().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertExpected(c, check(c, Mode.TLC))));
    }

    @TestFactory
    Stream<DynamicTest> steppingModeNamesTheFailedGuard() {
        return traces().filter(c -> c.expect().containsKey("failedGuard")).map(c -> DynamicTest.dynamicTest(c.name(),
                () -> {
                    Explanation explanation = ((Verdict.Diverged) check(c, Mode.STEP).verdict()).explanation();
                    List<String> failed = explanation.failedGuards().stream()
                            .map(Explanation.GuardResult::conjunct).toList();
                    assertTrue(failed.stream().anyMatch(g -> g.startsWith(c.expect().getProperty("failedGuard"))),
                            "failed guards " + failed);
                }));
    }

    @TestFactory
    Stream<DynamicTest> steppingModeShowsTheDifferingVariable() {
        return traces().filter(c -> c.expect().containsKey("difference")).map(c -> DynamicTest.dynamicTest(c.name(),
                () -> {
                    Explanation explanation = ((Verdict.Diverged) check(c, Mode.STEP).verdict()).explanation();
                    assertTrue(explanation.failedGuards().isEmpty(), "the action was enabled");
                    assertEquals(c.expect().getProperty("difference"), explanation.differences().get(0).what());
                }));
    }

    private static Stream<Corpus> traces() {
        return Stream.concat(Corpus.in("valid").stream(), Corpus.in("invalid").stream());
    }

    private static TraceOutcome check(Corpus c, Mode mode) {
        List<TraceOutcome> outcomes = TraceCheck.checkAll(
                Corpus.options(List.of(c.trace()), mode, c.maxSilentSteps(), 1, false));
        assertEquals(1, outcomes.size());
        assertNull(outcomes.get(0).inputError(), () -> "unexpected bad input: " + outcomes.get(0).inputError().getMessage());
        return outcomes.get(0);
    }

    private static void assertExpected(Corpus c, TraceOutcome outcome) {
        assertNull(outcome.inputError(), () -> "unexpected bad input: " + outcome.inputError().getMessage());
        if (c.expect().getProperty("verdict").equals("valid")) {
            assertInstanceOf(Verdict.Valid.class, outcome.verdict(), () -> "verdict " + outcome.verdict());
            assertEquals(TraceOutcome.EXIT_VALID, outcome.exitCode());
            return;
        }
        Verdict.Diverged diverged = assertInstanceOf(Verdict.Diverged.class, outcome.verdict());
        TraceEvent event = outcome.trace().events().get(diverged.eventIndex());
        assertEquals(Integer.parseInt(c.expect().getProperty("line")), event.origin().line(), "divergent line");
        assertEquals(c.expect().getProperty("action"), event.action());
        assertEquals(TraceOutcome.EXIT_DIVERGED, outcome.exitCode());
        assertFalse(diverged.explanation().summary().isBlank());
    }
}
