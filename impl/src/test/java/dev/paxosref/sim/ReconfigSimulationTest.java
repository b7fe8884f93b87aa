package dev.paxosref.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.sim.mutant.Mutant;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The reconfig profile: four nodes, a1..a3 serving first; an administrator adds a4 and then removes a1 through the
 * log while the other clients increment, under the default faults, with every safety check (ProposalsInConfig and
 * VotesInConfig included) after every step and the linearizability check at the end.
 */
class ReconfigSimulationTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
    /** The window mutant must show within this many seeds; the test prints how many it took. */
    private static final int SEEDS_TO_CATCH_A_BUG_MAX = 50;

    @Test
    void twoHundredSeedsMoveTheAcceptorsAndBreakNothing() {
        SimulationRunner.Summary summary =
            SimulationRunner.run(Protocol.MULTI, 1, 200, FaultProfile.RECONFIG, Set.of(), null, QUIET);
        assertEquals(List.of(), summary.failures());
        assertTrue(summary.faultsInjected() > 2_000, "faults were injected: " + summary.faultsInjected());
    }

    /** Liveness after the heal means the administrator was answered: both moves were chosen and executed. */
    @Test
    void bothMovesAreAnsweredAndTheTraceNamesTheReconfigurationSpec() {
        SeedResult result = Protocol.MULTI.run(3, FaultProfile.RECONFIG, Set.of());
        assertEquals(Optional.empty(), result.violation());
        String admin = result.traceByNode().entrySet().stream().filter(e -> e.getValue().contains("|config|"))
            .filter(e -> e.getKey().startsWith("c")).map(Map.Entry::getValue).findFirst().orElseThrow();
        assertTrue(admin.startsWith("{\"format\":\"paxos-trace\",\"version\":1,\"spec\":\"MultiPaxosReconfig\""));
        assertTrue(Pattern.compile("\"action\":\"ReceiveReply\",\"params\":\\{\"c\":\"c\\d+\","
            + "\"cmd\":\\{\"client\":\"c\\d+\",\"seq\":2,\"op\":\\[\"config\",\\[\"a2\",\"a3\",\"a4\"\\]\\]\\}")
            .matcher(admin).find(),
            "the removal of a1 was answered");
    }

    /**
     * Fresh seeds on every run. A failure names its seed, to replay with ./paxos sim; after its fix, a seed that
     * failed becomes a fixed regression test here.
     */
    @Property(tries = 30)
    void anySeedIsSafeAndLive(@ForAll long seed) {
        assertEquals(Optional.empty(), Protocol.MULTI.runUntraced(seed, FaultProfile.RECONFIG, Set.of()).violation(),
            "reproduce: ./paxos sim --protocol multi --first-seed " + seed + " --seeds 1 --faults reconfig");
    }

    @Test
    void aLeaderThatIgnoresTheWindowIsCaught() {
        for (long seed = 1; seed <= SEEDS_TO_CATCH_A_BUG_MAX; seed++) {
            Optional<Violation> violation = Protocol.MULTI.runUntraced(seed, FaultProfile.RECONFIG,
                Set.of(Mutant.LEADER_IGNORES_WINDOW)).violation();
            if (violation.isPresent()) {
                System.out.printf("LEADER_IGNORES_WINDOW caught by seed %d of %d: %s%n", seed,
                    SEEDS_TO_CATCH_A_BUG_MAX, violation.get());
                return;
            }
        }
        throw new AssertionError("LEADER_IGNORES_WINDOW survived " + SEEDS_TO_CATCH_A_BUG_MAX + " seeds");
    }

    @Test
    void theReconfigProfileIsForMultiPaxosAndItsMutantsOnly() {
        assertThrows(IllegalArgumentException.class,
            () -> Protocol.SINGLE.run(1, FaultProfile.RECONFIG, Set.of()));
        assertThrows(IllegalArgumentException.class,
            () -> Protocol.MULTI.runUntraced(1, FaultProfile.RECONFIG, Set.of(Mutant.PROPOSER_IGNORES_REPORTED_VOTE)));
        assertThrows(IllegalArgumentException.class,
            () -> Protocol.MULTI.runUntraced(1, FaultProfile.DEFAULT, Set.of(Mutant.LEADER_IGNORES_WINDOW)));
    }
}
