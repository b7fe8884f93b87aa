package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReproposalsTest {
    @Test
    void startsAtTheHighestLowAndIgnoresVotesBelowIt() {
        List<MultiMessage.Msg1b> promises = List.of(
            new MultiMessage.Msg1b("a1", 4, 1, List.of(new SlotVote(1, 0, "gone"), new SlotVote(3, 0, "x"))),
            new MultiMessage.Msg1b("a2", 4, 3, List.of()));
        assertEquals(3, Reproposals.startSlot(promises));
        assertEquals(Map.of(3, "x"), Reproposals.of(promises));
    }

    @Test
    void nothingReportedMeansNothingToRepropose() {
        assertEquals(Map.of(), Reproposals.of(List.of(new MultiMessage.Msg1b("a1", 4, 2, List.of()))));
    }

    @Test
    void theHighestBallotWinsPerSlot() {
        List<MultiMessage.Msg1b> promises = List.of(
            new MultiMessage.Msg1b("a1", 9, 1, List.of(new SlotVote(1, 2, "low"), new SlotVote(2, 7, "hi2"))),
            new MultiMessage.Msg1b("a2", 9, 1, List.of(new SlotVote(1, 5, "high"), new SlotVote(2, 3, "lo2"))));
        assertEquals(Map.of(1, "high", 2, "hi2"), Reproposals.of(promises));
    }
}
