package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.trace.format.SourceLocation;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.format.TraceMerger;
import dev.paxosref.trace.format.TraceReader;
import dev.paxosref.trace.format.TraceSources;
import dev.paxosref.trace.format.TraceStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Step mode reads traces as a stream: the same events in the same order, and a window too short is bad input. */
class StreamingTest {

    /** Per-node files are each in causal order; a single file of several nodes need not be, and is read whole. */
    @Test
    void theStreamMergesAsTheMergerDoes() {
        for (Corpus c : Corpus.in("valid")) {
            List<Path> files = new TraceSources().find(List.of(c.trace())).get(0).files();
            if (files.size() == 1) {
                continue;
            }
            List<SourceLocation> merged = new TraceMerger().merge(c.name(), new TraceReader().readAll(files))
                    .events().stream().map(TraceEvent::origin).toList();
            List<SourceLocation> streamed = new ArrayList<>();
            try (TraceStream stream = TraceStream.open(c.name(), files, 10)) {
                stream.forEachRemaining(e -> streamed.add(e.origin()));
            }
            assertEquals(merged, streamed, c.name());
        }
    }

    @Test
    void aLookAheadWindowTooShortIsBadInputAtTheReceive() {
        Path trace = Corpus.ROOT.resolve("valid").resolve("multi-sim-seed-128.trace");
        TraceOutcome wide = TraceCheck.checkAll(options(trace, CheckOptions.LOOKAHEAD_EVENTS_DEFAULT)).get(0);
        assertEquals(TraceOutcome.EXIT_VALID, wide.exitCode());
        TraceOutcome narrow = TraceCheck.checkAll(options(trace, 1)).get(0);
        assertEquals(TraceOutcome.EXIT_BAD_INPUT, narrow.exitCode(), String.valueOf(narrow.verdict()));
        assertTrue(narrow.inputError().getMessage().contains("look-ahead window of 1 events"),
                narrow.inputError().getMessage());
    }

    private static CheckOptions options(Path trace, int lookaheadEvents) {
        return new CheckOptions(List.of(trace), CheckOptions.Mode.STEP, Corpus.SPEC, Optional.empty(), false, 1, 0,
                CheckOptions.MAX_CANDIDATES_DEFAULT, Corpus.WORK, lookaheadEvents);
    }
}
