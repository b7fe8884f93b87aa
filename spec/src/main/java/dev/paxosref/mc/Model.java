package dev.paxosref.mc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
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
 * @param simulateDepth for a {@code soak} model, the length at which TLC cuts each random trace ({@code -depth})
 * @param distinctStates the exact distinct-state count that BFS with one worker finds; {@code null} where the model
 *                       explores a random sample and the count differs per run
 * @param mutants    mutants checked under this model's configuration, each as a derived model ({@link #underMutant})
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
        Integer simulateDepth,
        Expectation expect,
        Long distinctStates,
        Integer depth,
        Double seconds,
        String why,
        List<Mutant> mutants) {

    /**
     * {@code ci} models run in the build; {@code deep} ones on request ({@code --deep}); {@code soak} ones only with
     * {@code --soak}, by random simulation for a bounded time, because they are too large to enumerate.
     */
    public enum Tier { ci, deep, soak }

    /** Separates a passing model's name from its mutant's in a derived model's name. */
    public static final String MUTANT_SEPARATOR = "+";

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
        mutants = mutants == null ? List.of() : mutants;
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
                properties, null, null, symmetry, view, constraint, checkDeadlock, seed, simulateDepth, expect,
                distinctStates, depth, seconds, why, mutants);
    }

    /**
     * The model {@code <name>+<mutant>}: this model's whole configuration with the mutant's overrides merged over
     * its own, the mutant's expectation and pinned counts, and no witnesses (TLC stops at the violation).
     */
    public Model underMutant(Mutant mutant) {
        Map<String, String> merged = new LinkedHashMap<>(overrides);
        merged.putAll(mutant.overrides());
        String swapped = mutant.overrides().entrySet().stream().map(e -> e.getKey() + " <- " + e.getValue())
                .collect(Collectors.joining(", "));
        return new Model(name + MUTANT_SEPARATOR + mutant.name(), module, tier,
                "mutant " + mutant.name() + " (" + swapped + ") under the configuration of " + name, constants, merged,
                specification, init, next, invariants, properties, null, null, symmetry, view, constraint,
                checkDeadlock, seed, simulateDepth, mutant.expect(), mutant.distinctStates(), mutant.depth(), null, why,
                null);
    }

    /** This model followed by the model derived from each of its mutants. */
    public List<Model> withMutants() {
        return Stream.concat(Stream.of(this), mutants.stream().map(this::underMutant)).toList();
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
