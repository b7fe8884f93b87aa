package dev.paxosref.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak tier: TLC's random simulation for a bounded time. Every soak model of the manifest, and the fixture's
 * passing one, runs without a violation for its share of {@code -Dsoak.seconds} (default 60, at least 5 each);
 * a fixture with a planted violation shows that a soak run finds it, prints its seed, and that the seed replays it.
 */
class SoakTest {

    private static final long TOTAL_SECONDS = Long.getLong("soak.seconds", 60);
    private static final long MIN_SECONDS = 5;

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everySoakModelRunsWithoutAViolation() {
        SpecHome real = SpecHome.locate();
        SpecHome fixture = TestModels.fixtureHome("mc-fixture", dir);
        List<Run> runs = new ArrayList<>();
        ModelManifest.load(real).selectSoak(List.of()).forEach(m -> runs.add(new Run(real, m)));
        ModelManifest.load(fixture).selectSoak(List.of("Walk")).forEach(m -> runs.add(new Run(fixture, m)));
        Duration each = Duration.ofSeconds(Math.max(MIN_SECONDS, TOTAL_SECONDS / runs.size()));
        return runs.stream().map(run -> DynamicTest.dynamicTest(run.model().name(), () -> {
            SoakResult result = new ModelCheckRunner(run.home(), 1).soak(run.model(), 1, each);
            assertTrue(result.asExpected(), () -> SoakText.format(result, true));
            assertTrue(result.traces() > 0 && result.statesGenerated() > result.traces(),
                    SoakText.format(result, true));
            assertTrue(result.elapsed().compareTo(each) >= 0, "stopped at the time bound, not before");
        }));
    }

    @Test
    void aPlantedViolationIsFoundItsSeedPrintedAndTheSeedReplaysIt() {
        SpecHome home = TestModels.fixtureHome("mc-fixture", dir);
        Model planted = ModelManifest.load(home).selectSoak(List.of("WalkPlanted")).get(0);
        ModelCheckRunner runner = new ModelCheckRunner(home, 1);

        SoakResult first = runner.soak(planted, 424242, Duration.ofSeconds(60));
        Verdict.Violation violation = assertInstanceOf(Verdict.Violation.class, first.verdict());
        assertEquals("BelowBound", violation.property());
        List<Counterexample.Step> steps = violation.counterexample().steps();
        assertEquals("8", steps.get(steps.size() - 1).variables().get("height"));
        assertTrue(first.elapsed().compareTo(Duration.ofSeconds(60)) < 0, "a violation ends the run at once");
        String printed = SoakText.format(first, true);
        assertTrue(printed.contains("seed 424242") && printed.contains("--seed 424242 WalkPlanted")
                && printed.contains("Counterexample: BelowBound is violated"), printed);

        SoakResult replay = runner.soak(planted, 424242, Duration.ofSeconds(60));
        assertEquals(violation.counterexample(), ((Verdict.Violation) replay.verdict()).counterexample());
    }

    private record Run(SpecHome home, Model model) {
    }
}
