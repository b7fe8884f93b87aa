package dev.paxosref.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads TLC's -tool output as TLC 2.18 prints it. */
class TlcOutcomeCollectorTest {

    private static final List<String> INVARIANT_VIOLATION = List.of(
            "@!@!@STARTMSG 2110:1 @!@!@", "Invariant Agreement is violated.", "@!@!@ENDMSG 2110 @!@!@",
            "@!@!@STARTMSG 2121:1 @!@!@", "The behavior up to this point is:", "@!@!@ENDMSG 2121 @!@!@",
            "@!@!@STARTMSG 2217:4 @!@!@", "1: <Initial predicate>", "/\\ learned = {}",
            "/\\ accepted = (a1 :> None @@ a2 :> None)", "", "@!@!@ENDMSG 2217 @!@!@",
            "@!@!@STARTMSG 2217:4 @!@!@", "2: <Accept line 42, col 17 to line 45, col 51 of module NaivePaxos02>",
            "/\\ learned = {}", "/\\ accepted = (a1 :> p1 @@", "   a2 :> None)", "", "@!@!@ENDMSG 2217 @!@!@",
            "@!@!@STARTMSG 2199:0 @!@!@", "299 states generated, 92 distinct states found, 12 states left on queue.",
            "@!@!@ENDMSG 2199 @!@!@",
            "@!@!@STARTMSG 2194:0 @!@!@", "The depth of the complete state graph search is 9.", "@!@!@ENDMSG 2194 @!@!@");

    @Test
    void readsAnInvariantViolationWithItsBehaviourAndCounts() {
        TlcOutcomeCollector collector = collect(INVARIANT_VIOLATION, "");
        Verdict.Violation violation = assertInstanceOf(Verdict.Violation.class, collector.verdict(12));
        assertEquals("Agreement", violation.property());
        assertEquals(List.of("Initial predicate", "Accept"), violation.counterexample().actionNames());
        assertEquals("(a1 :> p1 @@ a2 :> None)",
                violation.counterexample().steps().get(1).variables().get("accepted"));
        assertEquals(92, collector.distinctStates());
        assertEquals(299, collector.statesGenerated());
        assertEquals(9, collector.depth());
    }

    @Test
    void namesTheTemporalPropertyTlcLeavesUnnamed() {
        TlcOutcomeCollector collector = collect(List.of(
                "@!@!@STARTMSG 2116:1 @!@!@", "Temporal properties were violated.", "@!@!@ENDMSG 2116 @!@!@",
                "@!@!@STARTMSG 2218:4 @!@!@", "8: Stuttering", "@!@!@ENDMSG 2218 @!@!@"), "EventuallyChosen");
        Verdict.Violation violation = assertInstanceOf(Verdict.Violation.class, collector.verdict(13));
        assertEquals("EventuallyChosen", violation.property());
        assertEquals(true, violation.counterexample().stuttersForever());
    }

    @Test
    void reportsParseErrorsWithSanysOwnWords() {
        TlcOutcomeCollector collector = collect(List.of(
                "Semantic errors:", "Could not find declaration or definition of symbol '<='.",
                "@!@!@STARTMSG 3002:1 @!@!@", "Parsing or semantic analysis failed.", "@!@!@ENDMSG 3002 @!@!@"), "");
        Verdict.Error error = assertInstanceOf(Verdict.Error.class, collector.verdict(150));
        assertEquals(true, error.message().contains("symbol '<='"));
    }

    @Test
    void aCleanExitWithNoErrorIsAPass() {
        assertInstanceOf(Verdict.Pass.class, collect(List.of(), "").verdict(0));
    }

    @Test
    void collectsEachWitnessMarkerOnceHoweverManyWorkersPrintIt() {
        TlcOutcomeCollector collector = collect(List.of("\"@@witness NoOpFillsGap\"", "\"@@witness Other\"",
                "\"@@witness NoOpFillsGap\"", "\"@@witness NotQuoted", "@!@!@STARTMSG 2185:0 @!@!@", "Starting...",
                "@!@!@ENDMSG 2185 @!@!@"), "");
        assertEquals(List.of("NoOpFillsGap", "Other"), List.copyOf(collector.witnessesReached()));
        assertInstanceOf(Verdict.Pass.class, collector.verdict(0));
    }

    private static TlcOutcomeCollector collect(List<String> lines, String temporal) {
        TlcOutcomeCollector collector = new TlcOutcomeCollector(temporal);
        TlcOutputParser parser = new TlcOutputParser(collector::accept);
        lines.forEach(parser::accept);
        return collector;
    }
}
