package dev.paxosref.trace.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long file is read in two halves at once; what it reads is what reading it line after line reads: the same
 * events at the same lines (blank lines and {@code \r\n} ends counted as a reader counts them), and of two faults the
 * first one in the file.
 */
class TraceReaderTest {
    private static final String HEADER = "{\"format\":\"paxos-trace\",\"version\":1,\"spec\":\"Paxos\",\"constants\":{}}";
    /** Lines enough for a file of more than the 4 MB from which it is read in halves. */
    private static final int EVENTS = 60_000;

    @TempDir
    Path dir;

    @Test
    void readsALongFileAsItReadsItLineByLine() throws IOException {
        Path file = write(List.of());
        assertTrue(FileRange.splitPoint(file, 4L << 20) > 0, "the file must be long enough to be split");
        List<TraceEvent> events = new TraceReader().read(file).events();
        assertEquals(lineByLine(file), events);
        assertEquals(EVENTS, events.size());
    }

    @Test
    void reportsAFaultInTheSecondHalfAtItsLine() throws IOException {
        Path file = write(List.of(EVENTS - 5));
        String expected = assertThrows(TraceInputException.class, () -> lineByLine(file)).getMessage();
        assertEquals(expected, assertThrows(TraceInputException.class, () -> new TraceReader().read(file))
                .getMessage());
    }

    @Test
    void reportsTheFirstOfTwoFaults() throws IOException {
        Path file = write(List.of(10, EVENTS - 5));
        String expected = assertThrows(TraceInputException.class, () -> lineByLine(file)).getMessage();
        assertTrue(expected.contains(":13:"), expected); // event 10 is line 13: the header and a blank line come before
        assertEquals(expected, assertThrows(TraceInputException.class, () -> new TraceReader().read(file))
                .getMessage());
    }

    /** The header and {@code EVENTS} events, a blank line now and then, {@code \r\n} ends in the second half. */
    private Path write(List<Integer> badEvents) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < EVENTS; i++) {
            if (i % 7_000 == 3) {
                text.append(" \n");
            }
            text.append(badEvents.contains(i) ? "{\"node\":1,\"clock\":\"one\",\"action\":\"P\"}"
                    : "{\"node\":1,\"clock\":" + (i + 1) + ",\"action\":\"ProposerCrash\",\"params\":{\"p\":1},"
                    + "\"state\":{\"pPhase\":\"idle\",\"pBal\":-1}}");
            text.append(i < EVENTS / 2 ? "\n" : "\r\n");
        }
        return Files.writeString(dir.resolve("long.ndjson"), text);
    }

    private static List<TraceEvent> lineByLine(Path file) {
        List<TraceEvent> events = new ArrayList<>();
        try (TraceReader.Cursor cursor = new TraceReader().open(file, new SharedJson())) {
            for (TraceEvent event = cursor.next(); event != null; event = cursor.next()) {
                events.add(event);
            }
        }
        return events;
    }
}
