package dev.paxosref.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.sim.mutant.Mutant;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimulationTest {
    /** Each bug must show within this many seeds; the report prints how many it took. */
    private static final int SEEDS_TO_CATCH_A_BUG_MAX = 200;

    private static SimulationRunner.Summary run(long firstSeed, int seeds, FaultProfile faults) {
        return SimulationRunner.run(firstSeed, seeds, faults, null, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void aThousandSeedsWithEveryFaultBreakNothing() {
        SimulationRunner.Summary summary = SimulationRunner.run(1, 1_000, FaultProfile.DEFAULT, null, System.out);
        assertEquals(List.of(), summary.failures());
        assertEquals(0, summary.violations());
        assertTrue(summary.faultsInjected() > 10_000, "faults were injected: " + summary.faultsInjected());
    }

    @Test
    void harshFaultsBreakNothingEither() {
        SimulationRunner.Summary summary = SimulationRunner.run(100_000, 300, FaultProfile.HARSH, null, System.out);
        assertEquals(List.of(), summary.failures());
    }

    @Test
    void withoutFaultsEverySeedDecidesQuickly() {
        SimulationRunner.Summary summary = run(1, 200, FaultProfile.NONE);
        assertEquals(0, summary.violations());
        assertTrue(summary.steps() < 200 * 2_000L, "steps " + summary.steps());
    }

    @Test
    void aSeedReplaysByteForByte() {
        for (long seed : new long[] {7, 42, 1234}) {
            SeedResult first = Protocol.SINGLE.run(seed, FaultProfile.HARSH, Set.of());
            SeedResult second = Protocol.SINGLE.run(seed, FaultProfile.HARSH, Set.of());
            assertEquals(first.traceDigest(), second.traceDigest());
            assertEquals(first.traceByNode(), second.traceByNode());
            assertEquals(first.steps(), second.steps());
            assertEquals(first.faultsInjected(), second.faultsInjected());
        }
        assertNotEquals(Protocol.SINGLE.run(7, FaultProfile.HARSH, Set.of()).traceDigest(),
            Protocol.SINGLE.run(8, FaultProfile.HARSH, Set.of()).traceDigest());
    }

    /**
     * Every single-decree bug that breaks a property the simulator checks. An acceptor that sends its vote again
     * breaks none: only a complete log's trace check sees it (trace-checker's CompleteLogTest), as it sees the
     * Multi-Paxos replica's dropped reply; the reconfiguration leader's bug is not a single-decree one.
     */
    @ParameterizedTest
    @EnumSource(value = Mutant.class, mode = EnumSource.Mode.EXCLUDE,
        names = {"LEADER_IGNORES_WINDOW", "ACCEPTOR_RESENDS_VOTE", "REPLICA_DROPS_RETRY_REPLY",
            "REPLICA_KEEPS_SNAPSHOTTED_LOG"})
    void everyInjectedBugIsCaught(Mutant bug) {
        for (long seed = 1; seed <= SEEDS_TO_CATCH_A_BUG_MAX; seed++) {
            Optional<Violation> violation = Protocol.SINGLE.run(seed, FaultProfile.HARSH, Set.of(bug)).violation();
            if (violation.isPresent()) {
                System.out.printf("%s caught by seed %d of %d: %s%n", bug, seed, SEEDS_TO_CATCH_A_BUG_MAX,
                    violation.get().property());
                return;
            }
        }
        throw new AssertionError(bug + " survived " + SEEDS_TO_CATCH_A_BUG_MAX + " seeds");
    }

    @Provide
    Arbitrary<Faults> faults() {
        return Arbitraries.of(FaultProfile.NONE, FaultProfile.DEFAULT, FaultProfile.HARSH, new Swarm());
    }

    /** Fresh seeds on every run; a failure prints the command that replays it. */
    @Property(tries = 100)
    void anySeedUnderAnyFaultsIsSafeAndLive(@ForAll long seed, @ForAll("faults") Faults faults) {
        assertEquals(Optional.empty(), Protocol.SINGLE.run(seed, faults.forSeed(seed), Set.of()).violation(),
            "reproduce: ./paxos sim --first-seed " + seed + " --seeds 1 --faults " + faults.name());
    }

    @Test
    void tracesAreExportedOneFilePerNode(@TempDir Path dir) throws Exception {
        SimulationRunner.run(5, 2, FaultProfile.DEFAULT, dir, new PrintStream(new ByteArrayOutputStream()));
        SeedResult again = Protocol.SINGLE.run(5, FaultProfile.DEFAULT, Set.of());
        for (Map.Entry<String, String> node : again.traceByNode().entrySet()) {
            Path file = dir.resolve("seed-5.trace").resolve(node.getKey() + ".ndjson");
            assertEquals(node.getValue(), Files.readString(file, StandardCharsets.UTF_8));
            assertTrue(node.getValue().startsWith("{\"format\":\"paxos-trace\",\"version\":1,\"spec\":\"Paxos\""));
        }
        assertTrue(Files.exists(dir.resolve("seed-6.trace")));
    }

    @Test
    void aViolationIsReportedWithItsSeedAndAReproduction() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimulationRunner.Summary summary = SimulationRunner.run(1, 3, FaultProfile.DEFAULT,
            Set.of(Mutant.LEARNER_LEARNS_WITHOUT_QUORUM), null, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(summary.violations() > 0);
        long seed = summary.failures().get(0).seed();
        assertTrue(out.toString(StandardCharsets.UTF_8)
            .contains("reproduce: ./paxos sim --first-seed " + seed + " --seeds 1 --faults default"), out::toString);
    }
}
