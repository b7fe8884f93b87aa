package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BallotsAndQuorumsTest {
    @Property
    void nextOwnedAboveIsTheSmallestOwnedBallotAbove(@ForAll @IntRange(min = 1, max = 9) int n,
                                                    @ForAll @IntRange(min = 0, max = 8) int pRaw,
                                                    @ForAll @IntRange(min = -1, max = 1000) int floor) {
        int p = pRaw % n;
        int b = Ballots.nextOwnedAbove(p, floor, n);
        assertTrue(b > floor && Ballots.owner(b, n) == p);
        for (int c = floor + 1; c < b; c++) {
            assertTrue(Ballots.owner(c, n) != p, "a smaller owned ballot " + c + " exists");
        }
    }

    @Test
    void majorityQuorums() {
        QuorumSystem q = new QuorumSystem(List.of("a1", "a2", "a3", "a4"));
        assertEquals(3, q.quorumSize());
        assertTrue(q.isQuorum(Set.of("a1", "a2", "a4")));
        assertFalse(q.isQuorum(Set.of("a1", "a2")));
        assertFalse(q.isQuorum(Set.of("a1", "a2", "x9")), "strangers do not count");
        assertEquals(4, q.smallestQuorumsWithin(q.acceptors()).size());
        assertEquals(List.of(), q.smallestQuorumsWithin(Set.of("a1", "a2")));
    }

    @Property
    void everyTwoQuorumsIntersect(@ForAll @IntRange(min = 1, max = 7) int n) {
        List<String> acceptors = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            acceptors.add("a" + i);
        }
        QuorumSystem q = new QuorumSystem(acceptors);
        for (Set<String> q1 : q.smallestQuorumsWithin(acceptors)) {
            for (Set<String> q2 : q.smallestQuorumsWithin(acceptors)) {
                assertTrue(q1.stream().anyMatch(q2::contains), q1 + " and " + q2);
            }
        }
    }

    @Test
    void acceptorStateEnforcesAcceptorInv() {
        assertThrows(IllegalStateException.class, () -> new AcceptorState(3, 2, null));
        assertThrows(IllegalStateException.class, () -> new AcceptorState(1, 2, "v"));
    }
}
