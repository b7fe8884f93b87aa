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
    Arbitrary<Faults> faults() {
        return Arbitraries.of(FaultProfile.NONE, FaultProfile.DEFAULT, FaultProfile.HARSH, new Swarm());
    }

    /**
     * Fresh simulation seeds on every run, under every profile and swarm faults. A failure names its seed and
     * faults, to replay with ./paxos sim; after its fix, a seed that failed becomes a fixed regression test.
     */
    @Property(tries = 100)
    void anySeedUnderAnyFaultsIsSafeAndLive(@ForAll long seed, @ForAll("faults") Faults faults) {
        assertEquals(Optional.empty(), Protocol.MULTI.runUntraced(seed, faults.forSeed(seed), Set.of()).violation(),
            "reproduce: ./paxos sim --protocol multi --first-seed " + seed + " --seeds 1 --faults " + faults.name());
    }

    /** The 10,000 seeds that follow each of these ran without a violation when the seed split came in. */
    @ParameterizedTest
    @ValueSource(strings = {"default", "harsh", "swarm"})
    void aHundredSeedsOfEachFaultsBreakNothing(String faults) {
        SimulationRunner.Summary summary =
            SimulationRunner.run(Protocol.MULTI, 20_000, 100, Faults.named(faults), Set.of(), null, 2, QUIET);
        assertEquals(List.of(), summary.failures());
    }

    /**
     * Seeds that once violated a property under default faults, each fixed since. All 53 are the lost-decision gap:
     * decisions lost under a leader that stayed in Phase 2 left replicas with a gap and clients waiting forever
     * after the heal, until replicas learned to ask the proposers for a missing slot (RequestCatchUp). 1788060 was
     * found by the property above; the others are every such seed among 1..20000. They were numbered when all of a
     * seed's randomness came from one stream: since the seed split (SeedSplit) each runs another schedule, so they
     * stay as a sample of default seeds rather than as the schedules that lost a decision.
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

    @Test
    void aSwarmFailurePrintsTheFaultsItsSeedDrewAndReplaysUnderSwarm() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimulationRunner.Summary summary = SimulationRunner.run(Protocol.MULTI, 1, 60, new Swarm(),
            Set.of(Mutant.ACCEPTOR_SKIPS_PERSIST), null, 2, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(summary.violations() > 0);
        SimulationRunner.Failure failure = summary.failures().get(0);
        assertEquals(new Swarm().forSeed(failure.seed()), failure.faults());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("faults: swarm: " + failure.faults().parameters()), printed);
        assertTrue(printed.contains("reproduce: ./paxos sim --protocol multi --first-seed " + failure.seed()
            + " --seeds 1 --faults swarm"), printed);
    }

    @Test
    void theOutputIsTheSameOnOneThreadAndOnTwo() {
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        Set<Mutant> bug = Set.of(Mutant.PROPOSER_IGNORES_REPORTED_VOTE);
        SimulationRunner.Summary onOne = SimulationRunner.run(Protocol.MULTI, 1, 40, FaultProfile.HARSH, bug, null, 1,
            new PrintStream(one, true, StandardCharsets.UTF_8));
        SimulationRunner.Summary onTwo = SimulationRunner.run(Protocol.MULTI, 1, 40, FaultProfile.HARSH, bug, null, 2,
            new PrintStream(two, true, StandardCharsets.UTF_8));
        assertTrue(onOne.violations() > 0);
        assertEquals(onOne.failures(), onTwo.failures());
        assertEquals(withoutTiming(one), withoutTiming(two));
    }

    private static List<String> withoutTiming(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.contains(" seeds in ")).toList();
    }

    /**
     * A liveness violation, forced by a heal bound of one step, reports in a few lines what a reader needs: who
     * waits since when, the chosen log's first gap, what each replica executed, the last leader changes, who is
     * down; never the whole chosen log.
     */
    @Test
    void aLivenessViolationIsSummarizedInAFewLines() {
        FaultProfile d = FaultProfile.DEFAULT;
        FaultProfile impatient = new FaultProfile("impatient", d.dropProbability(), d.duplicateProbability(),
            d.delayMsMax(), d.crashProbability(), d.restartProbability(), d.partitionProbability(), d.healProbability(),
            d.crashDuringWriteProbability(), d.unsyncedWriteSurvivesProbability(), d.tornWriteProbability(),
            d.faultPhaseMs(), 1);
        Violation liveness = Protocol.MULTI.runUntraced(3, impatient, Set.of()).violation().orElseThrow();
        assertEquals("Liveness", liveness.property());
        List<String> lines = liveness.detail().lines().toList();
        assertTrue(lines.size() <= 6, liveness.detail());
        for (String part : List.of("clients waiting: c", "chosen: ", "executed: ",
            "leader changes: ", "nodes down: ")) {
            assertTrue(liveness.detail().contains(part), part + " in " + liveness.detail());
        }
    }
}
