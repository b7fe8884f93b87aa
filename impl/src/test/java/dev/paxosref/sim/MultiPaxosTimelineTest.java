package dev.paxosref.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MultiPaxosTimelineTest {
    @Test
    void aChosenLogIsDescribedByItsReachItsFirstGapAndItsDistinctCommands() {
        TreeMap<Integer, String> chosen = new TreeMap<>(Map.of(1, "c1|1|incr", 2, "NoOp", 4, "c1|1|incr",
            5, "c1|1|incr", 7, "c2|1|incr"));
        assertEquals("5 slots up to 7 (first gap at slot 3, 3 slots chosen above it), 3 distinct commands",
            MultiPaxosTimeline.describe(chosen));
        assertEquals("2 slots up to 2 (no gap), 2 distinct commands",
            MultiPaxosTimeline.describe(new TreeMap<>(Map.of(1, "a", 2, "b"))));
        assertEquals("no slot", MultiPaxosTimeline.describe(new TreeMap<>()));
    }
}
