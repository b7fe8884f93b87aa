package dev.paxosref.mc;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One entry of the model manifest ({@code spec/models.json}): a TLA+ module, the TLC configuration to check it
 * with, and the result TLC must produce. The runner writes the {@code .cfg} file from these fields, so the manifest
 * is the single place a model is defined.
 *
 * @param constants  {@code NAME = value} lines of the configuration (model values, numbers, sets)
 * @param overrides  {@code NAME <- Definition} lines: constants bound to definitions, or actions swapped for mutants
 * @param witnesses  coverage witnesses: state predicates of the module, each TRUE in some reachable state, with a
 *                   one-line description; checked in the same run as the invariants ({@link WitnessModule})
 * @param actionWitnesses the same for action predicates, each TRUE on some explored transition
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
        Map<String, String> witnesses,
        Map<String, String> actionWitnesses,
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
        witnesses = witnesses == null ? Map.of() : witnesses;
        actionWitnesses = actionWitnesses == null ? Map.of() : actionWitnesses;
    }

    /** The state witnesses' names, then the action witnesses'. */
    public List<String> witnessNames() {
        return Stream.concat(witnesses.keySet().stream(), actionWitnesses.keySet().stream()).toList();
    }

    public boolean hasWitnesses() {
        return !witnesses.isEmpty() || !actionWitnesses.isEmpty();
    }

    /**
     * The same model without its coverage witnesses: for runs that cannot check them, such as TLC's distributed
     * mode.
     */
    public Model withoutWitnesses() {
        return new Model(name, module, tier, description, constants, overrides, specification, init, next, invariants,
                properties, null, null, symmetry, view, constraint, checkDeadlock, seed, expect, distinctStates, depth,
                seconds, why);
    }

    /** A witness's description, whether it is a state or an action witness. */
    public String witnessDescription(String witness) {
        return witnesses.getOrDefault(witness, actionWitnesses.get(witness));
    }

    /** True when TLC should explore the same state space on every run, so its size can be pinned. */
    public boolean hasPinnedStateCount() {
        return distinctStates != null;
    }
}
