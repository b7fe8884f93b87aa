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
import org.junit.jupiter.params.provider.ValueSource;

class MultiSimulationTest {
    /** Each Multi-Paxos bug must show within this many seeds; the test prints how many it took. */
    private static final int SEEDS_TO_CATCH_A_BUG_MAX = 200;

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @Test
    void aThousandSeedsWithEveryFaultBreakNothing() {
        SimulationRunner.Summary summary =
            SimulationRunner.run(Protocol.MULTI, 1, 1_000, FaultProfile.DEFAULT, Set.of(), null, System.out);
        assertEquals(List.of(), summary.failures());
        assertTrue(summary.faultsInjected() > 10_000, "faults were injected: " + summary.faultsInjected());
    }

    @Test
    void harshFaultsBreakNothingEither() {
        SimulationRunner.Summary summary =
            SimulationRunner.run(Protocol.MULTI, 100_000, 200, FaultProfile.HARSH, Set.of(), null, System.out);
        assertEquals(List.of(), summary.failures());
    }

    @Test
    void withoutFaultsEveryClientIsAnsweredQuickly() {
        SimulationRunner.Summary summary =
            SimulationRunner.run(Protocol.MULTI, 1, 100, FaultProfile.NONE, Set.of(), null, QUIET);
        assertEquals(0, summary.violations());
        assertTrue(summary.steps() < 100 * 3_000L, "steps " + summary.steps());
    }

    @Test
    void aSeedReplaysByteForByte() {
        for (long seed : new long[] {7, 42, 1234}) {
            SeedResult first = Protocol.MULTI.run(seed, FaultProfile.HARSH, Set.of());
            SeedResult second = Protocol.MULTI.run(seed, FaultProfile.HARSH, Set.of());
            assertEquals(first.traceByNode(), second.traceByNode());
            assertEquals(first.steps(), second.steps());
            assertEquals(first.faultsInjected(), second.faultsInjected());
            assertTrue(first.traceByNode().values().iterator().next()
                .startsWith("{\"format\":\"paxos-trace\",\"version\":1,\"spec\":\"MultiPaxos\""));
        }
        assertNotEquals(Protocol.MULTI.run(7, FaultProfile.HARSH, Set.of()).traceDigest(),
            Protocol.MULTI.run(8, FaultProfile.HARSH, Set.of()).traceDigest());
    }

    @ParameterizedTest
    @EnumSource(value = Mutant.class, names = {"PROPOSER_IGNORES_REPORTED_VOTE", "ACCEPTOR_SKIPS_PERSIST"})
    void eachClassicBugIsCaught(Mutant bug) {
        for (long seed = 1; seed <= SEEDS_TO_CATCH_A_BUG_MAX; seed++) {
            Optional<Violation> violation = Protocol.MULTI.runUntraced(seed, FaultProfile.HARSH, Set.of(bug))
                .violation();
            if (violation.isPresent()) {
                System.out.printf("Multi-Paxos %s caught by seed %d of %d: %s%n", bug, seed,
                    SEEDS_TO_CATCH_A_BUG_MAX, violation.get());
                return;
            }
        }
        throw new AssertionError(bug + " survived " + SEEDS_TO_CATCH_A_BUG_MAX + " seeds");
    }

    @Test
    void tracesAreExportedOneFilePerServerAndPerClient(@TempDir Path dir) throws Exception {
        SimulationRunner.run(Protocol.MULTI, 5, 1, FaultProfile.DEFAULT, Set.of(), dir, QUIET);
        Path seedDir = dir.resolve("seed-5.trace");
        String server = Files.readString(seedDir.resolve("n1.ndjson"), StandardCharsets.UTF_8);
        String client = Files.readString(seedDir.resolve("c1.ndjson"), StandardCharsets.UTF_8);
        assertTrue(server.contains("\"action\":\"Phase1b\""), server);
        assertTrue(client.contains("\"action\":\"Submit\""), client);
    }

    @Provide
    Arbitrary<FaultProfile> profiles() {
        return Arbitraries.of(FaultProfile.NONE, FaultProfile.DEFAULT, FaultProfile.HARSH);
    }

    /**
     * Fresh simulation seeds on every run. A failure names its seed and profile, to replay with ./paxos sim; after
     * its fix, a seed that failed joins {@link #seedsThatOnceFailedUnderDefaultFaultsStayLive}.
     */
    @Property(tries = 100)
    void anySeedUnderAnyProfileIsSafeAndLive(@ForAll long seed, @ForAll("profiles") FaultProfile faults) {
        assertEquals(Optional.empty(), Protocol.MULTI.runUntraced(seed, faults, Set.of()).violation(),
            "reproduce: ./paxos sim --protocol multi --first-seed " + seed + " --seeds 1 --faults " + faults.name());
    }

    /**
     * Seeds that once violated a property under default faults, each fixed since. All 53 are the lost-decision gap:
     * decisions lost under a leader that stayed in Phase 2 left replicas with a gap and clients waiting forever
     * after the heal, until replicas learned to ask the proposers for a missing slot (RequestCatchUp). 1788060 was
     * found by the property above; the others are every such seed among 1..20000.
     */
    @ParameterizedTest
    @ValueSource(longs = {
        1788060L, 2001L, 2248L, 2555L, 3135L, 4210L, 4864L, 4892L, 5633L, 6386L, 6505L, 6747L, 6782L, 6903L, 7479L,
        7898L, 8671L, 8786L, 8936L, 9626L, 9705L, 10191L, 10950L, 11087L, 11525L, 11617L, 11622L, 12619L,
        12875L, 12922L, 13217L, 13321L, 13792L, 14274L, 14380L, 15034L, 15085L, 15134L, 15272L, 15586L,
        15708L, 16247L, 16278L, 16599L, 16751L, 16946L, 18266L, 18284L, 19003L, 19147L, 19173L, 19594L,
        19728L})
    void seedsThatOnceFailedUnderDefaultFaultsStayLive(long seed) {
        assertEquals(Optional.empty(), Protocol.MULTI.runUntraced(seed, FaultProfile.DEFAULT, Set.of()).violation());
    }

    @Test
    void aViolationIsReportedWithAReproductionNamingTheProtocol() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimulationRunner.Summary summary = SimulationRunner.run(Protocol.MULTI, 1, 40, FaultProfile.HARSH,
            Set.of(Mutant.PROPOSER_IGNORES_REPORTED_VOTE), null, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(summary.violations() > 0);
        long seed = summary.failures().get(0).seed();
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("reproduce: ./paxos sim --protocol multi --first-seed "
            + seed + " --seeds 1 --faults harsh"), out::toString);
    }
}
