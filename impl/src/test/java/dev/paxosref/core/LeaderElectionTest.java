package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeaderElectionTest {
    private static final LeaderElection.Config CONFIG = new LeaderElection.Config(10, 30, 20, 100);

    private static String failed(ElectionStep step) {
        return ((ElectionStep.NotEnabled) step).failedConjunct();
    }

    @Test
    void aNodeBootsSuspectingNobodySoTheHighestIdLeads() {
        LeaderElection e = new LeaderElection(1, 4, CONFIG);
        assertEquals(3, e.leaderView());
        assertFalse(e.leads());
        assertTrue(new LeaderElection(3, 4, CONFIG).leads(), "nobody is above the highest id");
    }

    @Test
    void heartbeatGoesToEveryOtherNode() {
        ElectionStep.Ready ready = (ElectionStep.Ready) new LeaderElection(1, 3, CONFIG).Heartbeat();
        assertEquals(List.of(new ElectionStep.Heartbeat(1, 0), new ElectionStep.Heartbeat(1, 2)), ready.send());
        assertEquals("Heartbeat", ready.action().name());
        assertThrows(IllegalArgumentException.class, () -> new ElectionStep.Heartbeat(1, 1));
    }

    @Test
    void suspectFiresForAHigherIdAtOnceIfNeverHeardElseAfterASilentLease() {
        LeaderElection e = new LeaderElection(1, 4, CONFIG);
        assertEquals("q \\in Higher(p)", failed(e.Suspect(0, 100)));
        e.ReceiveHeartbeat(3, 0);
        assertEquals("the timer: no heartbeat from q for leaseMs", failed(e.Suspect(3, 29)));
        ElectionStep.Ready ready = (ElectionStep.Ready) e.Suspect(3, 30);
        assertEquals(Set.of(3), ready.state().get("suspects"));
        assertEquals("q \\notin suspects[p]", failed(e.Suspect(3, 31)));
        assertEquals(2, e.leaderView(), "the highest id not suspected");
        assertTrue(e.Suspect(2, 0).enabled(), "never heard from since boot: the timer is due at once");
        assertTrue(e.leads(), "suspecting every higher id, a node leads");
    }

    @Test
    void receiveHeartbeatClearsTheSuspicionAndRestartsTheTimer() {
        LeaderElection e = new LeaderElection(0, 2, CONFIG);
        e.Suspect(1, 0);
        assertTrue(e.leads());
        assertTrue(e.ReceiveHeartbeat(1, 50).enabled());
        assertFalse(e.leads());
        assertFalse(e.Suspect(1, 79).enabled(), "heard at 50, so the lease runs to 80");
        assertTrue(e.Suspect(1, 80).enabled());
        LeaderElection higher = new LeaderElection(1, 2, CONFIG);
        assertTrue(higher.ReceiveHeartbeat(0, 0).enabled(), "a lower id's heartbeat is received");
        assertTrue(higher.leads(), "and changes nothing: a lower id is never the leader");
        assertEquals("<<q, p>> \\in hb", failed(higher.ReceiveHeartbeat(1, 0)));
    }

    @Test
    void aCrashedNodeTakesNoStepUntilItRecoversSuspectingNobody() {
        LeaderElection e = new LeaderElection(0, 2, CONFIG);
        e.Suspect(1, 30);
        assertTrue(e.Crash().enabled());
        assertFalse(e.leads());
        assertEquals("up[p]", failed(e.Crash()));
        assertEquals("up[q]", failed(e.Heartbeat()));
        assertEquals("up[p]", failed(e.ReceiveHeartbeat(1, 40)));
        assertEquals("up[p]", failed(e.Suspect(1, 40)));
        ElectionStep.Ready ready = (ElectionStep.Ready) e.Recover();
        assertEquals(true, ready.state().get("up"));
        assertEquals(Set.of(), ready.state().get("suspects"));
        assertEquals(1, e.leaderView());
        assertEquals("~up[p]", failed(e.Recover()));
    }

    @Test
    void onlyALeaderStartsABallot() {
        QuorumSystem quorums = new QuorumSystem(List.of("a1"));
        MultiProposer proposer = new MultiProposer(0, 2, quorums, List.of("r1"), Ballots.NONE);
        LeaderElection e = new LeaderElection(0, 2, CONFIG);
        assertEquals(new Step.NotEnabled<MultiMessage>("LeaderPhase1a", "Leads(p)"), e.LeaderPhase1a(proposer, 0));
        assertEquals(Ballots.NONE, proposer.pBal());
        e.Suspect(1, 0);
        Step.Ready<MultiMessage> ready = (Step.Ready<MultiMessage>) e.LeaderPhase1a(proposer, 0);
        assertEquals("Phase1a", ready.action().name(), "the effect is MultiPaxos's Phase1a");
        assertEquals(0, proposer.pBal());
        assertFalse(e.LeaderPhase1a(proposer, 1).enabled(), "Phase1a's own guard: ballot 1 is node 1's");
    }

    @Test
    void preemptionBacksOffExponentiallyWithTheCallersJitter() {
        LeaderElection e = new LeaderElection(0, 1, CONFIG);
        assertEquals(100 + 20 + 3, e.onPreempted(100, 3));
        assertFalse(e.mayStartBallot(122));
        assertTrue(e.mayStartBallot(123));
        assertEquals(200 + 40, e.onPreempted(200, 0));
        assertEquals(300 + 80, e.onPreempted(300, 0));
        assertEquals(400 + 100, e.onPreempted(400, 0), "capped at backoffMsMax");
        e.onProgress();
        assertEquals(500 + 20, e.onPreempted(500, 0), "progress resets the back-off");
    }

    @Test
    void configRejectsALeaseShorterThanTheHeartbeat() {
        assertThrows(IllegalArgumentException.class, () -> new LeaderElection.Config(10, 10, 1, 1));
    }
}
