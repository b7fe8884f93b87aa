package dev.paxosref.trace.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header's module chooses the conventions, and a module extending MultiPaxos is checked as MultiPaxos. */
class SpecConventionsTest {
    private static final Path SPEC = Path.of("..", "spec", "tla");

    @Test
    void eachSpecGetsItsOwnNetwork() {
        assertEquals(SpecConventions.PAXOS, SpecConventions.of(ModuleSignature.read(SPEC.resolve("Paxos.tla"))));
        assertEquals(SpecConventions.PAXOS,
                SpecConventions.of(ModuleSignature.read(SPEC.resolve("PaxosGeneral.tla"))));
        assertEquals(SpecConventions.MULTI_PAXOS,
                SpecConventions.of(ModuleSignature.read(SPEC.resolve("MultiPaxos.tla"))));
    }

    @Test
    void aModuleExtendingMultiPaxosIsCheckedAsMultiPaxos(@TempDir Path dir) throws IOException {
        for (String module : List.of("MultiPaxos", "ReplicatedLog", "Consensus")) {
            Files.copy(SPEC.resolve(module + ".tla"), dir.resolve(module + ".tla"));
        }
        Files.writeString(dir.resolve("Extended.tla"), "---- MODULE Extended ----\nEXTENDS MultiPaxos\n====\n");
        ModuleSignature signature = ModuleSignature.read(dir.resolve("Extended.tla"));
        assertEquals(List.of("Extended", "MultiPaxos"), signature.lineage().subList(0, 2));
        assertEquals(SpecConventions.MULTI_PAXOS, SpecConventions.of(signature));
    }
}
