package dev.paxosref.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two naive protocols fail for the reasons the README gives, not merely somehow. */
class NaiveProtocolCounterexampleTest {

    private static final SpecHome HOME = SpecHome.locate();
    private final ModelManifest manifest = ModelManifest.load(HOME);
    private final ModelCheckRunner runner = new ModelCheckRunner(HOME, 1);

    @Test
    void firstProposalOnlyEndsWithThreeAcceptorsSplitAndNothingChosenForever() {
        Counterexample cx = violation("NaivePaxos01");
        assertTrue(cx.stuttersForever(), "the behaviour must end stuck, stuttering forever");
        Counterexample.Step last = cx.steps().get(cx.steps().size() - 1);
        assertEquals("{}", last.variables().get("chosen"));
        assertEquals(3, distinctValues(last.variables().get("accepted")), "three acceptors, three different values");
    }

    @Test
    void acceptAnyProposalLearnsOneValueThenOverwritesIt() {
        Counterexample cx = violation("NaivePaxos02");
        List<String> actions = cx.actionNames();
        assertEquals("Learn", actions.get(actions.size() - 1));
        assertTrue(actions.subList(0, actions.size() - 1).contains("Learn"), "a first value was learned earlier");
        assertEquals(2, cx.steps().get(cx.steps().size() - 1).variables().get("learned").split(",").length);
    }

    private Counterexample violation(String model) {
        ModelCheckResult result = runner.check(manifest.select(List.of(model), false).get(0));
        return assertInstanceOf(Verdict.Violation.class, result.verdict()).counterexample();
    }

    /** Counts the distinct values of a printed function such as {@code (a1 :> p1 @@ a2 :> p3 @@ a3 :> p2)}. */
    private static int distinctValues(String function) {
        Set<String> values = new HashSet<>();
        for (String entry : function.substring(1, function.length() - 1).split("@@")) {
            values.add(entry.substring(entry.indexOf(":>") + 2).strip());
        }
        return values.size();
    }
}
