package dev.paxosref.mc;

import java.util.Map;
import java.util.Objects;

/**
 * A mutant run under a passing model's whole configuration ({@code "mutants"} of a manifest entry): the runner
 * derives one model from each, named {@code <Model>+<name>} ({@link Model#underMutant}).
 *
 * @param overrides      {@code NAME <- Definition} lines merged over the model's own (same name: the mutant's wins)
 * @param expect         the violation the mutant must produce
 * @param distinctStates the distinct states BFS with one worker finds up to the first violation, when pinned
 * @param depth          the depth at the first violation, when pinned
 */
public record Mutant(String name, Map<String, String> overrides, Expectation expect, Long distinctStates,
                     Integer depth) {

    public Mutant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expect, "expect");
        overrides = overrides == null ? Map.of() : overrides;
    }
}
