package dev.paxosref.mc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes the TLC configuration file ({@code .cfg}) of a manifest model. */
final class TlcConfig {

    private TlcConfig() {
    }

    static String render(Model model) {
        StringBuilder cfg = new StringBuilder("\\* Generated from spec/models.json, model ").append(model.name())
                .append(". Edit the manifest, not this file.\n");
        if (!model.constants().isEmpty() || !model.overrides().isEmpty()) {
            cfg.append("CONSTANTS\n");
            appendAssignments(cfg, model.constants(), " = ");
            appendAssignments(cfg, model.overrides(), " <- ");
        }
        if (model.specification() != null) {
            cfg.append("SPECIFICATION ").append(model.specification()).append('\n');
        } else {
            cfg.append("INIT ").append(model.init()).append('\n');
            cfg.append("NEXT ").append(model.next()).append('\n');
        }
        appendList(cfg, "INVARIANTS", invariants(model));
        appendList(cfg, "PROPERTIES", model.properties());
        appendOptional(cfg, "SYMMETRY", model.symmetry());
        appendOptional(cfg, "VIEW", model.view());
        appendOptional(cfg, "CONSTRAINT", model.constraint());
        appendOptional(cfg, "ACTION_CONSTRAINT", model.actionWitnesses().isEmpty() ? null : WitnessModule.ACTION_CHECK);
        cfg.append("CHECK_DEADLOCK ").append(model.checkDeadlock() ? "TRUE" : "FALSE").append('\n');
        return cfg.toString();
    }

    /** The model's invariants, then the always-true check that records which state witnesses are reached. */
    private static List<String> invariants(Model model) {
        if (model.witnesses().isEmpty()) {
            return model.invariants();
        }
        List<String> invariants = new ArrayList<>(model.invariants());
        invariants.add(WitnessModule.STATE_CHECK);
        return invariants;
    }

    private static void appendAssignments(StringBuilder cfg, Map<String, String> assignments, String operator) {
        assignments.forEach((name, value) -> cfg.append("  ").append(name).append(operator).append(value).append('\n'));
    }

    private static void appendList(StringBuilder cfg, String keyword, List<String> names) {
        if (!names.isEmpty()) {
            cfg.append(keyword).append(' ').append(String.join(" ", names)).append('\n');
        }
    }

    private static void appendOptional(StringBuilder cfg, String keyword, String name) {
        if (name != null) {
            cfg.append(keyword).append(' ').append(name).append('\n');
        }
    }
}
