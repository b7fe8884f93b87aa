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

    /** The models named, in the order named; all {@code ci} models (and {@code deep} ones if asked) when none are. */
    public List<Model> select(List<String> names, boolean includeDeep) {
        if (names.isEmpty()) {
            return models.stream().filter(m -> includeDeep || m.tier() == Model.Tier.ci).toList();
        }
        Map<String, Model> byName = new LinkedHashMap<>();
        models.forEach(m -> byName.put(m.name(), m));
        List<Model> selected = new ArrayList<>();
        for (String name : names) {
            Model model = byName.get(name);
            if (model == null) {
                throw new IllegalArgumentException("no model named '" + name + "' in " + file
                        + "; known: " + String.join(", ", byName.keySet()));
            }
            selected.add(model);
        }
        return selected;
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
            if (model.expect().outcome() == Expectation.Outcome.violation && !namesChecked(model)
                    .contains(model.expect().property())) {
                throw new InvalidManifestException(where + "expects a violation of '" + model.expect().property()
                        + "', which the model does not check", null);
            }
            validateWitnesses(model, where);
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
