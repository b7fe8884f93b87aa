package dev.paxosref.trace.referee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paxosref.trace.referee.NetworkSchedule.Around;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule: a message keeps a copy in flight exactly while the next event that mentions it receives it. */
class NetworkScheduleTest {

    @Test
    void aMessageReceivedAgainIsDuplicatedBeforeEachReceiveButTheLast() {
        NetworkSchedule schedule = NetworkSchedule.of(
                List.of(List.of(), List.of("m"), List.of("m")),
                List.of(List.of("m"), List.of(), List.of()));
        assertEquals(List.of(new Around(List.of(), List.of()), new Around(List.of(1), List.of()),
                new Around(List.of(), List.of(1))), schedule.around());
    }

    @Test
    void aMessageNobodyReceivesBeforeItIsSentAgainIsLost() {
        // m is sent by 1 and 2 and received by 3: the copy of 1 is lost, that of 2 kept. n is never mentioned again.
        NetworkSchedule schedule = NetworkSchedule.of(
                List.of(List.of(), List.of(), List.of("m")),
                List.of(List.of("m", "n"), List.of("m"), List.of()));
        assertEquals(List.of(new Around(List.of(), List.of(1, 2)), new Around(List.of(), List.of()),
                new Around(List.of(), List.of(1))), schedule.around());
    }

    @Test
    void anEventThatReceivesAndSendsAMessageNeitherDuplicatesNorLosesItWhenItIsReceivedNext() {
        // Event 2 receives m and sends it again (indices: recv 1, then sent 2); event 3 receives it.
        NetworkSchedule schedule = NetworkSchedule.of(
                List.of(List.of(), List.of("m"), List.of("m")),
                List.of(List.of("m"), List.of("m"), List.of()));
        assertEquals(List.of(new Around(List.of(), List.of()), new Around(List.of(), List.of()),
                new Around(List.of(), List.of(1))), schedule.around());
    }
}
