package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeaderElectionTest {
    private static final LeaderElection.Config CONFIG = new LeaderElection.Config(10, 30, 20, 100);

    @Test
    void highestIdHeardWithinTheLeaseLeads() {
        LeaderElection e = new LeaderElection(1, 4, CONFIG);
        assertEquals(1, e.leader(0), "alone, a node leads");
        e.onHeartbeat(0, 0);
        assertEquals(1, e.leader(5), "a lower id never outranks us");
        e.onHeartbeat(3, 5);
        e.onHeartbeat(2, 20);
        assertEquals(3, e.leader(20));
        assertFalse(e.mayStartBallot(20));
        assertEquals(2, e.leader(35), "node 3's lease ran out at 5 + 30");
        assertEquals(1, e.leader(50), "node 2's at 20 + 30");
        assertTrue(e.mayStartBallot(50));
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
