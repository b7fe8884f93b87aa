package dev.paxosref.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs TLC on every {@code ci} model of the manifest, the mutants derived from passing models included, and checks
 * its outcome, its coverage witnesses and its exact distinct-state count where pinned (every plain {@code ci} model
 * pins it: {@link ModelManifestTest}), so that a spec change that breaks a property, equals a known mutant, silently
 * shrinks the state space or stops reaching a subtle path, fails the build.
 */
class ModelManifestCheckTest {

    private static final SpecHome HOME = SpecHome.locate();

    @TestFactory
    Stream<DynamicTest> everyCiModelGivesItsExpectedResult() {
        ModelManifest manifest = ModelManifest.load(HOME);
        ModelCheckRunner runner = new ModelCheckRunner(HOME, 1);
        return manifest.select(java.util.List.of(), false).stream()
                .map(model -> DynamicTest.dynamicTest(model.name(), () -> {
                    ModelCheckResult result = runner.check(model);
                    assertTrue(result.outcomeAsExpected(), () -> model.name() + ": expected " + model.expect()
                            + " but TLC said " + result.verdict() + details(result.verdict()));
                    assertEquals(java.util.List.of(), result.coverage().unreached(),
                            model.name() + ": coverage witnesses never reached");
                    if (model.distinctStates() != null) {
                        assertEquals(model.distinctStates(), result.distinctStates(),
                                model.name() + ": distinct states (update spec/models.json if the change is intended)");
                    }
                    if (model.depth() != null) {
                        assertEquals(model.depth(), result.depth(), model.name() + ": depth");
                    }
                }));
    }

    private static String details(Verdict verdict) {
        if (verdict instanceof Verdict.Error e) {
            return ": " + e.message();
        }
        if (verdict instanceof Verdict.Violation v) {
            return "\n" + CounterexampleText.format(v.property(), v.counterexample());
        }
        return "";
    }
}
