package dev.paxosref.mc;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the model manifest ({@code spec/models.json}): a TLA+ module, the TLC configuration to check it
 * with, and the result TLC must produce. The runner writes the {@code .cfg} file from these fields, so the manifest
 * is the single place a model is defined.
 *
 * @param constants  {@code NAME = value} lines of the configuration (model values, numbers, sets)
 * @param overrides  {@code NAME <- Definition} lines: constants bound to definitions, or actions swapped for mutants
 * @param seed       TLC's random seed, for models that sample with the Randomization module
 * @param distinctStates the exact distinct-state count that BFS with one worker finds; {@code null} where the model
 *                       explores a random sample and the count differs per run
 */
public record Model(
        String name,
        String module,
        Tier tier,
        String description,
        Map<String, String> constants,
        Map<String, String> overrides,
        String specification,
        String init,
        String next,
        List<String> invariants,
        List<String> properties,
        String symmetry,
        String view,
        String constraint,
        boolean checkDeadlock,
        Long seed,
        Expectation expect,
        Long distinctStates,
        Integer depth,
        Double seconds,
        String why) {

    public enum Tier { ci, deep }

    public Model {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(expect, "expect");
        constants = constants == null ? Map.of() : constants;
        overrides = overrides == null ? Map.of() : overrides;
        invariants = invariants == null ? List.of() : invariants;
        properties = properties == null ? List.of() : properties;
    }

    /** True when TLC should explore the same state space on every run, so its size can be pinned. */
    public boolean hasPinnedStateCount() {
        return distinctStates != null;
    }
}
