package dev.paxosref.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mutant runs as a model derived from the passing model it belongs to, under that model's configuration. */
class MutantTest {

    @TempDir
    Path dir;

    @Test
    void theDerivedModelKeepsTheConfigurationMergesTheOverridesAndDropsTheWitnesses() {
        Model counters = manifest().select(List.of("Counters"), false).get(0);
        Model derived = counters.underMutant(counters.mutants().get(0));
        assertEquals("Counters+Unbounded", derived.name());
        assertEquals(Map.of("Max", "Two", "Step", "StepPastMax"), derived.overrides());
        assertEquals(new Expectation(Expectation.Outcome.violation, "TypeOK"), derived.expect());
        assertEquals(List.of(), derived.witnessNames());
        assertEquals(List.of(), derived.mutants());
        assertEquals(counters.symmetry(), derived.symmetry());
        assertEquals(counters.tier(), derived.tier());
        assertEquals(5L, derived.distinctStates());
    }

    @Test
    void aMutantsOverrideWinsOverTheModelsOwn() {
        Model counters = manifest().select(List.of("Counters"), false).get(0);
        Model derived = counters.underMutant(new Mutant("Three", Map.of("Max", "3"), counters.mutants().get(0)
                .expect(), null, null));
        assertEquals(Map.of("Max", "3"), derived.overrides());
    }

    @Test
    void aModelIsSelectedWithItsMutantsAndADerivedNameAlone() {
        ModelManifest manifest = manifest();
        assertEquals(List.of("Counters", "Counters+Unbounded"), names(manifest.select(List.of("Counters"), false)));
        assertEquals(List.of("Counters+Unbounded"), names(manifest.select(List.of("Counters+Unbounded"), false)));
        assertEquals(List.of("Counters", "Counters+Unbounded", "CountersAboveMax"),
                names(manifest.select(List.of(), false)));
    }

    @Test
    void theMutantIsCaughtUnderThePassingConfigurationWithItsPinnedCounts() {
        SpecHome home = TestModels.fixtureHome("mc-fixture", dir);
        Model derived = ModelManifest.load(home).select(List.of("Counters+Unbounded"), false).get(0);
        ModelCheckResult result = new ModelCheckRunner(home, 1).check(derived);
        assertTrue(result.asExpected(), () -> result.verdict() + ", " + result.distinctStates() + " states");
        assertEquals(derived.distinctStates(), result.distinctStates());
        assertEquals(derived.depth(), result.depth());
    }

    private ModelManifest manifest() {
        return ModelManifest.load(TestModels.fixtureHome("mc-fixture", dir));
    }

    private static List<String> names(List<Model> models) {
        return models.stream().map(Model::name).toList();
    }
}
