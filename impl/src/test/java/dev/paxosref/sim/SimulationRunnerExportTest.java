package dev.paxosref.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A seed's trace folder holds exactly the files of the last run that wrote it. */
class SimulationRunnerExportTest {
    @Test
    void aRunWithFewerNodesLeavesNoFileOfTheEarlierRun(@TempDir Path dir) throws IOException {
        SimulationRunner.export(new SeedResult(7, 3, 0, 0, Optional.empty(),
            Map.of("n1", "{}\n", "n2", "{}\n", "n3", "{}\n")), dir);
        SimulationRunner.export(new SeedResult(7, 2, 0, 0, Optional.empty(), Map.of("n1", "{}\n", "n2", "{}\n")), dir);
        try (Stream<Path> files = Files.list(dir.resolve("seed-7.trace"))) {
            assertEquals(List.of("n1.ndjson", "n2.ndjson"),
                files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
