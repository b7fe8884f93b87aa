package dev.paxosref.trace.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The header's module chooses the conventions, a module extending MultiPaxos is checked as MultiPaxos, and
 * MultiPaxosReconfig, which INSTANCEs it, with MultiPaxos's overrides inside the instance.
 */
class SpecConventionsTest {
    private static final Path SPEC = Path.of("..", "spec", "tla");

    @Test
    void eachSpecGetsItsOwnNetwork() {
        assertEquals(SpecConventions.PAXOS, SpecConventions.of(ModuleSignature.read(SPEC.resolve("Paxos.tla"))));
        assertEquals(SpecConventions.PAXOS,
                SpecConventions.of(ModuleSignature.read(SPEC.resolve("PaxosGeneral.tla"))));
        assertEquals(SpecConventions.MULTI_PAXOS,
                SpecConventions.of(ModuleSignature.read(SPEC.resolve("MultiPaxos.tla"))));
        assertEquals(SpecConventions.MULTI_PAXOS_RECONFIG,
                SpecConventions.of(ModuleSignature.read(SPEC.resolve("MultiPaxosReconfig.tla"))));
    }

    /** MultiPaxosReconfig reaches MultiPaxos through an INSTANCE: MultiPaxos's overrides are made inside it. */
    @Test
    void theReconfigurationModuleOverridesInsideItsInstance() {
        assertEquals(List.of("RecordVote <- [MultiPaxos] TraceRecordVote"),
                SpecConventions.MULTI_PAXOS_RECONFIG.overrides().stream()
                        .map(o -> o.operator() + " <- " + o.replacement()).toList());
        assertEquals(List.of("AddAll", "RemoveOne", "Extend"),
                SpecConventions.MULTI_PAXOS_RECONFIG.faster().stream().map(SpecConventions.Override::operator)
                        .toList());
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
