package dev.paxosref.trace.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceMergerTest {
    private static final Path VALID = Path.of("src", "test", "resources", "traces", "valid");
    private final TraceReader reader = new TraceReader();
    private final TraceMerger merger = new TraceMerger();

    @Test
    void perNodeFilesMergeIntoTheOrderOfTheMergedFile() throws IOException {
        Trace merged = merger.merge("merged", List.of(reader.read(VALID.resolve("one-round.ndjson"))));
        List<TraceFile> perNode;
        try (Stream<Path> files = Files.list(VALID.resolve("one-round-per-node.trace"))) {
            perNode = files.sorted().map(reader::read).toList();
        }
        Trace fromNodes = merger.merge("per-node", perNode);
        assertEquals(steps(merged), steps(fromNodes));
    }

    @Test
    void everyReceiveComesAfterItsSend() {
        Trace trace = merger.merge("t", List.of(reader.read(VALID.resolve("two-ballots-with-crash.ndjson"))));
        for (int i = 0; i < trace.events().size(); i++) {
            for (LoggedMessage received : trace.events().get(i).recv()) {
                int receiver = i;
                boolean sentBefore = trace.events().subList(0, receiver).stream()
                        .anyMatch(e -> e.sent().stream().anyMatch(m -> m.id().equals(received.id())));
                assertTrue(sentBefore, received.id() + " received before it was sent");
            }
        }
    }

    @Test
    void filesOfDifferentModelsDoNotMerge(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("other.ndjson");
        Files.writeString(other, "{\"format\":\"paxos-trace\",\"version\":1,\"spec\":\"MultiPaxos\",\"constants\":{}}\n");
        TraceFile first = reader.read(VALID.resolve("one-round.ndjson"));
        TraceInputException error = assertThrows(TraceInputException.class,
                () -> merger.merge("t", List.of(first, reader.read(other))));
        assertTrue(error.getMessage().contains("different spec, constants, completeness or state logging"), error.getMessage());
    }

    private static List<String> steps(Trace trace) {
        return trace.events().stream().map(e -> e.nodeName() + " " + e.describeStep()).toList();
    }
}
