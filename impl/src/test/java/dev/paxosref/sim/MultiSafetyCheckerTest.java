package dev.paxosref.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paxosref.core.Action;
import dev.paxosref.core.MachineState;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CommandCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each property the Multi-Paxos simulator checks fails on a run that breaks it. */
class MultiSafetyCheckerTest {
    private static final String INC = CommandCodec.encode(new ClientRequest("c1", 1, new Command.Increment()));

    private final MultiSafetyChecker checker = new MultiSafetyChecker(new QuorumSystem(List.of("a1", "a2", "a3")));

    private void step(String action, Map<String, Object> state, List<MultiMessage> send, Object... params) {
        checker.executed(new Step.Ready<>(Action.of(action, params), List.of(), Optional.empty(), send, state), 1);
    }

    private void submitAndChoose(int slot, String v) {
        step("Submit", Map.of(), List.of(new MultiMessage.Request(v)), "c", "c1", "o", List.of("incr"));
        step("Phase2b", Map.of(), List.of(new MultiMessage.Msg2b("a1", 0, slot, v, 1)), "a", "a1");
        step("Phase2b", Map.of(), List.of(new MultiMessage.Msg2b("a2", 0, slot, v, 1)), "a", "a2");
    }

    private String property() {
        return checker.violation(1).map(Violation::property).orElse("none");
    }

    @Test
    void aCorrectRunBreaksNothing() {
        submitAndChoose(1, INC);
        step("ReceiveAccepted", Map.of(), List.of(new MultiMessage.Decision("r1", 1, INC)), "p", 0);
        step("Execute", Map.of("sm", MachineState.INITIAL.apply(INC).next()), List.of(), "r", "r1");
        step("ReceiveReply", Map.of(), List.of(), "c", "c1", "cmd", INC, "n", "1");
        assertEquals("none", property());
        assertEquals(Map.of(1, INC), checker.chosenLog());
    }

    @Test
    void twoValuesChosenInOneSlotBreakAgreement() {
        submitAndChoose(1, INC);
        step("Phase2b", Map.of(), List.of(new MultiMessage.Msg2b("a2", 1, 1, MultiMessage.NO_OP, 1)), "a", "a2");
        step("Phase2b", Map.of(), List.of(new MultiMessage.Msg2b("a3", 1, 1, MultiMessage.NO_OP, 1)), "a", "a3");
        assertEquals("Agreement", property());
    }

    @Test
    void aChosenValueNeverSubmittedBreaksValidity() {
        step("Phase2b", Map.of(), List.of(new MultiMessage.Msg2b("a1", 0, 1, INC, 1)), "a", "a1");
        step("Phase2b", Map.of(), List.of(new MultiMessage.Msg2b("a2", 0, 1, INC, 1)), "a", "a2");
        assertEquals("Validity", property());
    }

    @Test
    void aDecisionForAnUnchosenValueBreaksLearnedIsChosen() {
        step("ReceiveAccepted", Map.of(), List.of(new MultiMessage.Decision("r1", 1, INC)), "p", 0);
        assertEquals("LearnedIsChosen", property());
    }

    @Test
    void executingAheadOfTheChosenLogBreaksExecutedIsChosen() {
        step("Execute", Map.of("sm", MachineState.INITIAL.apply(INC).next()), List.of(), "r", "r1");
        assertEquals("ExecutedIsChosen", property());
    }

    @Test
    void anAnswerTheChosenLogDoesNotGiveBreaksNoAckLost() {
        submitAndChoose(1, INC);
        step("ReceiveReply", Map.of(), List.of(), "c", "c1", "cmd", INC, "n", "2");
        assertEquals("NoAckLost", property());
    }
}
