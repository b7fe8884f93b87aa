package dev.paxosref.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelManifestTest {

    @TempDir
    Path dir;

    @Test
    void malformedJsonIsReportedWithFileLineAndColumn() throws IOException {
        SpecHome home = home("{\"models\": [\n  {\"name\": \"X\",,}\n]}");
        var e = assertThrows(ModelManifest.InvalidManifestException.class, () -> ModelManifest.load(home));
        assertTrue(e.getMessage().startsWith(home.manifest() + ":2:"), e.getMessage());
    }

    @Test
    void anExpectedViolationOfAPropertyTheModelDoesNotCheckIsRejected() throws IOException {
        assertRejected("model 'M': expects a violation of 'Agreement'", """
                {"models": [{"name": "M", "module": "M", "tier": "ci", "specification": "Spec",
                  "invariants": ["TypeOK"], "expect": {"outcome": "violation", "property": "Agreement"}}]}""");
    }

    @Test
    void witnessesOnAModelThatExpectsAViolationAreRejected() throws IOException {
        assertRejected("model 'M': lists witnesses but expects violates Agreement", """
                {"models": [{"name": "M", "module": "M", "tier": "ci", "specification": "Spec",
                  "invariants": ["Agreement"], "witnesses": {"W": "a path"},
                  "expect": {"outcome": "violation", "property": "Agreement"}}]}""");
    }

    @Test
    void aWitnessWithoutDescriptionIsRejected() throws IOException {
        assertRejected("witness 'W' has no description", """
                {"models": [{"name": "M", "module": "M", "tier": "ci", "specification": "Spec",
                  "actionWitnesses": {"W": " "}, "expect": {"outcome": "pass"}}]}""");
    }

    @Test
    void mutantsOfAModelThatExpectsAViolationAreRejected() throws IOException {
        assertRejected("model 'M': lists mutants but expects violates Agreement", """
                {"models": [{"name": "M", "module": "M", "tier": "ci", "specification": "Spec",
                  "invariants": ["Agreement"], "expect": {"outcome": "violation", "property": "Agreement"},
                  "mutants": [{"name": "X", "overrides": {"A": "B"},
                               "expect": {"outcome": "violation", "property": "Agreement"}}]}]}""");
    }

    @Test
    void aMutantThatExpectsToPassIsRejected() throws IOException {
        assertRejected("mutant 'X': expects pass; a mutant must be caught", """
                {"models": [{"name": "M", "module": "M", "tier": "ci", "specification": "Spec",
                  "expect": {"outcome": "pass"},
                  "mutants": [{"name": "X", "overrides": {"A": "B"}, "expect": {"outcome": "pass"}}]}]}""");
    }

    @Test
    void twoMutantsOfOneNameAreRejected() throws IOException {
        assertRejected("mutant 'X': duplicate name M+X", """
                {"models": [{"name": "M", "module": "M", "tier": "ci", "specification": "Spec",
                  "invariants": ["Agreement"], "expect": {"outcome": "pass"},
                  "mutants": [{"name": "X", "overrides": {"A": "B"},
                               "expect": {"outcome": "violation", "property": "Agreement"}},
                              {"name": "X", "overrides": {"A": "C"},
                               "expect": {"outcome": "violation", "property": "Agreement"}}]}]}""");
    }

    @Test
    void aMutantExpectingAViolationOfWhatTheModelDoesNotCheckIsRejected() throws IOException {
        assertRejected("mutant 'X': expects a violation of 'Agreement'", """
                {"models": [{"name": "M", "module": "M", "tier": "ci", "specification": "Spec",
                  "invariants": ["TypeOK"], "expect": {"outcome": "pass"},
                  "mutants": [{"name": "X", "overrides": {"A": "B"},
                               "expect": {"outcome": "violation", "property": "Agreement"}}]}]}""");
    }

    @Test
    void aSoakModelWithoutSimulateDepthOrWithAPinnedCountIsRejected() throws IOException {
        assertRejected("only a soak model, gives 'simulateDepth'", """
                {"models": [{"name": "S", "module": "M", "tier": "soak", "specification": "Spec",
                  "expect": {"outcome": "pass"}}]}""");
        assertRejected("a soak model expects pass and gives no", """
                {"models": [{"name": "S", "module": "M", "tier": "soak", "specification": "Spec",
                  "simulateDepth": 30, "distinctStates": 5, "expect": {"outcome": "pass"}}]}""");
    }

    @Test
    void soakModelsAreSelectedOnlyForSoakRuns() throws IOException {
        ModelManifest manifest = ModelManifest.load(home("""
                {"models": [{"name": "S", "module": "M", "tier": "soak", "specification": "Spec",
                  "simulateDepth": 30, "expect": {"outcome": "pass"}},
                  {"name": "C", "module": "M", "tier": "ci", "specification": "Spec",
                  "expect": {"outcome": "pass"}}]}"""));
        assertEquals(List.of("C"), manifest.select(List.of(), true).stream().map(Model::name).toList());
        assertEquals(List.of("S"), manifest.selectSoak(List.of()).stream().map(Model::name).toList());
        var e = assertThrows(IllegalArgumentException.class, () -> manifest.select(List.of("S"), false));
        assertTrue(e.getMessage().contains("is a soak model: run it with --soak"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> manifest.selectSoak(List.of("C")));
    }

    @Test
    void aModelWhoseModuleIsMissingIsRejected() throws IOException {
        assertRejected("no module Nope.tla", """
                {"models": [{"name": "M", "module": "Nope", "tier": "ci", "specification": "Spec",
                  "expect": {"outcome": "pass"}}]}""");
    }

    @Test
    void unknownModelNamesListTheKnownOnes() throws IOException {
        ModelManifest manifest = ModelManifest.load(home("""
                {"models": [{"name": "M", "module": "M", "tier": "ci", "specification": "Spec",
                  "expect": {"outcome": "pass"}}]}"""));
        var e = assertThrows(IllegalArgumentException.class, () -> manifest.select(List.of("Q"), false));
        assertTrue(e.getMessage().endsWith("known: M"), e.getMessage());
    }

    @Test
    void theRealManifestGivesEveryCiModelAPinnedCountAndEveryReductionAReason() {
        ModelManifest manifest = ModelManifest.load(SpecHome.locate());
        for (Model model : manifest.models()) {
            if (model.tier() == Model.Tier.ci) {
                assertTrue(model.hasPinnedStateCount(), model.name() + " has no distinctStates");
            }
            if (model.symmetry() != null || model.view() != null || model.constraint() != null) {
                assertTrue(model.why() != null && !model.why().isBlank(), model.name() + " reduces without a why");
            }
        }
    }

    @Test
    void configRendersConstantsOverridesAndChecks() {
        Model model = TestModels.model("""
                {"name": "M", "module": "MCPaxos", "tier": "ci", "constants": {"Value": "{v1}"},
                 "overrides": {"Quorum": "MajorityQuorums"}, "specification": "Spec", "invariants": ["Inv"],
                 "properties": ["Live"], "symmetry": "Symmetry", "expect": {"outcome": "pass"}, "distinctStates": 1}""");
        String cfg = TlcConfig.render(model);
        assertTrue(cfg.contains("  Value = {v1}\n  Quorum <- MajorityQuorums\n"), cfg);
        assertTrue(cfg.contains("SPECIFICATION Spec\nINVARIANTS Inv\nPROPERTIES Live\nSYMMETRY Symmetry\n"), cfg);
        assertEquals(true, cfg.endsWith("CHECK_DEADLOCK FALSE\n"));
    }

    /** Loading {@code manifest} fails with a message that contains {@code expected}. */
    private void assertRejected(String expected, String manifest) throws IOException {
        SpecHome home = home(manifest);
        var e = assertThrows(ModelManifest.InvalidManifestException.class, () -> ModelManifest.load(home));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private SpecHome home(String manifest) throws IOException {
        Files.createDirectories(dir.resolve("tla"));
        Files.writeString(dir.resolve("tla/M.tla"), "---- MODULE M ----\n====\n");
        Files.writeString(dir.resolve(SpecHome.MANIFEST), manifest);
        return new SpecHome(dir);
    }
}
