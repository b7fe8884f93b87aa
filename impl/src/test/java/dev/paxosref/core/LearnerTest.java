package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LearnerTest {
    private static final QuorumSystem QUORUMS = new QuorumSystem(List.of("a1", "a2", "a3"));

    @Test
    void learnNeedsAQuorumOfVotesInOneBallot() {
        Learner l = new Learner("l1", QUORUMS);
        l.receive(new Message.Msg2b("a1", 2, "v"));
        l.receive(new Message.Msg2b("a2", 5, "v"));
        assertEquals(new Step.NotEnabled("Learn", "VotedByQuorum(b, v)"), l.Learn(2, "v"));
        assertFalse(l.receive(new Message.Msg2b("a1", 2, "v")), "a duplicate is not new");
        l.receive(new Message.Msg2b("a3", 2, "v"));
        Step.Ready<Message> ready = (Step.Ready<Message>) l.Learn(2, "v");
        assertEquals(new Action("Learn", Map.of("l", "l1", "b", 2, "v", "v")), ready.action());
        assertEquals(List.of(new Message.Msg2b("a1", 2, "v"), new Message.Msg2b("a3", 2, "v")), ready.recv());
        assertEquals(Optional.of("v"), l.learned());
    }

    @Test
    void learnerCrashForgets() {
        Learner l = new Learner("l1", QUORUMS);
        l.receive(new Message.Msg2b("a1", 2, "v"));
        l.receive(new Message.Msg2b("a2", 2, "v"));
        l.Learn(2, "v");
        Step.Ready<Message> ready = l.LearnerCrash();
        assertTrue(ready.state().containsKey("learned") && ready.state().get("learned") == null);
        assertEquals(Optional.empty(), l.learned());
        assertFalse(l.Learn(2, "v").enabled(), "the 2b messages it held are gone too");
    }
}
