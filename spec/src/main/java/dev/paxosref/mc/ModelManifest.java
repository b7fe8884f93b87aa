package dev.paxosref.mc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The list of every model TLC checks, read from {@code spec/models.json}. */
public record ModelManifest(Path file, List<Model> models) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private record Document(List<Model> models) {
    }

    /** A manifest that cannot be read; the message names the file and, where known, line and column. */
    public static final class InvalidManifestException extends RuntimeException {
        InvalidManifestException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static ModelManifest load(SpecHome home) {
        Path file = home.manifest();
        Document document;
        try {
            document = new ObjectMapper().readValue(Files.readAllBytes(file), Document.class);
        } catch (JsonProcessingException e) {
            throw new InvalidManifestException(where(file, e.getLocation()) + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidManifestException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (document == null || document.models() == null) {
            throw new InvalidManifestException(file + ": expected {\"models\": [...]}", null);
        }
        ModelManifest manifest = new ModelManifest(file, List.copyOf(document.models()));
        manifest.validate(home);
        return manifest;
    }

    /** Every model the manifest defines: each entry, followed by the models derived from its mutants. */
    public List<Model> allModels() {
        return models.stream().flatMap(m -> m.withMutants().stream()).toList();
    }

    /**
     * The models named, in the order named, a passing model with its derived mutants; all {@code ci} models (and
     * {@code deep} ones if asked) when none are. Soak models are simulated, not enumerated: {@link #selectSoak}.
     */
    public List<Model> select(List<String> names, boolean includeDeep) {
        if (names.isEmpty()) {
            return allModels().stream()
                    .filter(m -> m.tier() == Model.Tier.ci || includeDeep && m.tier() == Model.Tier.deep).toList();
        }
        List<Model> selected = named(names);
        selected.stream().filter(m -> m.tier() == Model.Tier.soak).findFirst().ifPresent(m -> {
            throw new IllegalArgumentException("model '" + m.name() + "' is a soak model: run it with --soak");
        });
        return selected;
    }

    /** The soak models named, in the order named; all of them when none are. */
    public List<Model> selectSoak(List<String> names) {
        if (names.isEmpty()) {
            return models.stream().filter(m -> m.tier() == Model.Tier.soak).toList();
        }
        List<Model> selected = named(names);
        selected.stream().filter(m -> m.tier() != Model.Tier.soak).findFirst().ifPresent(m -> {
            throw new IllegalArgumentException("model '" + m.name() + "' is a " + m.tier()
                    + " model, not a soak model: run it without --soak");
        });
        return selected;
    }

    private List<Model> named(List<String> names) {
        Map<String, List<Model>> byName = new LinkedHashMap<>();
        for (Model model : models) {
            byName.put(model.name(), model.withMutants());
            model.mutants().stream().map(model::underMutant).forEach(derived -> byName.put(derived.name(),
                    List.of(derived)));
        }
        Set<Model> selected = new LinkedHashSet<>();
        for (String name : names) {
            List<Model> named = byName.get(name);
            if (named == null) {
                throw new IllegalArgumentException("no model named '" + name + "' in " + file
                        + "; known: " + String.join(", ", byName.keySet()));
            }
            selected.addAll(named);
        }
        return List.copyOf(selected);
    }

    private void validate(SpecHome home) {
        Set<String> names = new HashSet<>();
        for (Model model : models) {
            String where = file + ": model '" + model.name() + "': ";
            if (!names.add(model.name())) {
                throw new InvalidManifestException(where + "duplicate name", null);
            }
            if (!Files.isRegularFile(home.tlaDir().resolve(model.module() + ".tla"))) {
                throw new InvalidManifestException(where + "no module " + model.module() + ".tla in "
                        + home.tlaDir(), null);
            }
            if ((model.specification() == null) == (model.init() == null || model.next() == null)) {
                throw new InvalidManifestException(where + "give either 'specification' or both 'init' and 'next'",
                        null);
            }
            requireChecked(model, model.expect(), where);
            validateWitnesses(model, where);
            validateMutants(model, where, names);
            validateSoak(model, where);
        }
    }

    private static void validateSoak(Model model, String where) {
        if ((model.tier() == Model.Tier.soak) != (model.simulateDepth() != null)) {
            throw new InvalidManifestException(where + "a soak model, and only a soak model, gives 'simulateDepth'",
                    null);
        }
        if (model.tier() != Model.Tier.soak) {
            return;
        }
        if (model.simulateDepth() < 1) {
            throw new InvalidManifestException(where + "simulateDepth must be at least 1", null);
        }
        if (model.expect().outcome() != Expectation.Outcome.pass || model.hasWitnesses() || !model.mutants().isEmpty()
                || model.distinctStates() != null || model.depth() != null || model.seed() != null) {
            throw new InvalidManifestException(where + "a soak model expects pass and gives no witnesses, mutants, "
                    + "distinctStates, depth or seed: a random simulation for a bounded time reaches no fixed set of "
                    + "states, and its seed is drawn per run", null);
        }
    }

    private void validateMutants(Model model, String where, Set<String> names) {
        if (!model.mutants().isEmpty() && model.expect().outcome() != Expectation.Outcome.pass) {
            throw new InvalidManifestException(where + "lists mutants but expects " + model.expect()
                    + "; mutants run under the configuration of a passing model", null);
        }
        for (Mutant mutant : model.mutants()) {
            String derived = model.underMutant(mutant).name();
            String whereMutant = where + "mutant '" + mutant.name() + "': ";
            if (!IDENTIFIER.matcher(mutant.name()).matches()) {
                throw new InvalidManifestException(whereMutant + "a mutant's name is a TLA+ identifier", null);
            }
            if (!names.add(derived)) {
                throw new InvalidManifestException(whereMutant + "duplicate name " + derived, null);
            }
            if (mutant.overrides().isEmpty()) {
                throw new InvalidManifestException(whereMutant + "overrides nothing", null);
            }
            if (mutant.expect().outcome() != Expectation.Outcome.violation) {
                throw new InvalidManifestException(whereMutant + "expects " + mutant.expect()
                        + "; a mutant must be caught, so it expects a violation", null);
            }
            requireChecked(model, mutant.expect(), whereMutant);
        }
    }

    private void validateWitnesses(Model model, String where) {
        if (model.hasWitnesses() && model.expect().outcome() != Expectation.Outcome.pass) {
            throw new InvalidManifestException(where + "lists witnesses but expects " + model.expect()
                    + "; TLC stops at the first violation, so only a model that expects pass reaches them all", null);
        }
        for (String witness : model.witnesses().keySet()) {
            if (model.actionWitnesses().containsKey(witness)) {
                throw new InvalidManifestException(where + "witness '" + witness
                        + "' is both a state and an action witness", null);
            }
        }
        for (String witness : model.witnessNames()) {
            if (!IDENTIFIER.matcher(witness).matches()) {
                throw new InvalidManifestException(where + "witness '" + witness
                        + "' is not the name of a TLA+ operator", null);
            }
            String description = model.witnessDescription(witness);
            if (description == null || description.isBlank()) {
                throw new InvalidManifestException(where + "witness '" + witness + "' has no description", null);
            }
        }
    }

    private static void requireChecked(Model model, Expectation expect, String where) {
        if (expect.outcome() == Expectation.Outcome.violation && !namesChecked(model).contains(expect.property())) {
            throw new InvalidManifestException(where + "expects a violation of '" + expect.property()
                    + "', which the model does not check", null);
        }
    }

    private static Set<String> namesChecked(Model model) {
        Set<String> checked = new HashSet<>(model.invariants());
        checked.addAll(model.properties());
        checked.add("Deadlock");
        return checked;
    }

    private static String where(Path file, JsonLocation location) {
        return location == null ? file + ": "
                : file + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }
}
