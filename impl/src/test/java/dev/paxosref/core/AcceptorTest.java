package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AcceptorTest {
    private static Acceptor fresh() {
        return new Acceptor("a1", AcceptorState.INITIAL);
    }

    @Test
    void phase1bPromisesAndReportsNoVote() {
        Acceptor a = fresh();
        Step.Ready<Message> ready = (Step.Ready<Message>) a.Phase1b(3);
        assertEquals(new Action("Phase1b", Map.of("a", "a1", "b", 3)), ready.action());
        assertEquals(List.of(new Message.Msg1a(3)), ready.recv());
        assertEquals(List.of(new Message.Msg1b("a1", 3, -1, null)), ready.send());
        assertEquals(new AcceptorState(3, -1, null), a.state());
        assertEquals(Optional.of(a.state()), ready.persist(), "the promise must be durable before the 1b leaves");
    }

    @Test
    void phase1bReportsTheLastVote() {
        Acceptor a = new Acceptor("a1", new AcceptorState(4, 4, "x"));
        Step.Ready<Message> ready = (Step.Ready<Message>) a.Phase1b(7);
        assertEquals(List.of(new Message.Msg1b("a1", 7, 4, "x")), ready.send());
        assertEquals(new AcceptorState(7, 4, "x"), a.state());
    }

    @Test
    void phase1bIsNotEnabledAtOrBelowThePromise() {
        Acceptor a = fresh();
        a.Phase1b(3);
        assertEquals(new Step.NotEnabled("Phase1b", "b > maxBal[a]"), a.Phase1b(3));
        assertEquals(new Step.NotEnabled("Phase1b", "b > maxBal[a]"), a.Phase1b(2));
        assertEquals(new AcceptorState(3, -1, null), a.state(), "a disabled action changes nothing");
    }

    @Test
    void phase2bVotesAtThePromisedBallot() {
        Acceptor a = fresh();
        a.Phase1b(3);
        Step.Ready<Message> ready = (Step.Ready<Message>) a.Phase2b(3, "v");
        assertEquals(List.of(new Message.Msg2a(3, "v")), ready.recv());
        assertEquals(List.of(new Message.Msg2b("a1", 3, "v")), ready.send());
        assertEquals(new AcceptorState(3, 3, "v"), a.state());
        assertEquals(Optional.of(new Message.Msg2b("a1", 3, "v")), a.lastVote());
        assertEquals(Map.of("maxBal", 3, "maxVBal", 3, "maxVal", "v"), ready.state());
    }

    @Test
    void phase2bVotesAboveThePromiseAndRaisesIt() {
        Acceptor a = fresh();
        a.Phase2b(5, "v");
        assertEquals(new AcceptorState(5, 5, "v"), a.state());
    }

    @Test
    void phase2bIsNotEnabledBelowThePromise() {
        Acceptor a = fresh();
        a.Phase1b(5);
        assertEquals(new Step.NotEnabled("Phase2b", "b >= maxBal[a]"), a.Phase2b(4, "v"));
        assertEquals(Optional.empty(), a.lastVote());
    }
}
