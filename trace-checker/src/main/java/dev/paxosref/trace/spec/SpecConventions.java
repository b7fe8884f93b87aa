package dev.paxosref.trace.spec;

import java.util.List;

/**
 * What the trace format relies on in a spec beyond its action and variable names: the variable holding the
 * network, what kind of network it is, the model value a JSON null stands for, and the definitions the checker swaps
 * in so that checking stays bounded. Chosen from the module the trace header names, or the first known module it
 * extends, so a module that EXTENDS MultiPaxos is checked as MultiPaxos is.
 */
public record SpecConventions(String messagesVariable, Network network, String noneValue,
                              List<Override> overrides, List<String> decimalFields) {

    /** How the spec's network holds messages. */
    public sealed interface Network permits SetNetwork, BagNetwork {}

    /** Paxos.tla: the set of every message ever sent; a receive removes nothing, a re-send adds nothing. */
    public record SetNetwork() implements Network {}

    /**
     * MultiPaxos.tla: a function from message to copies in flight; a receive consumes one copy. The network's own
     * steps, {@code duplicate(m)} and {@code lose(m)}, are never logged: the checker inserts them (see NetworkPlan).
     */
    public record BagNetwork(String duplicateAction, String loseAction) implements Network {}

    /** {@code operator <- replacement} in the model, with the replacement defined by {@code definition}. */
    public record Override(String operator, String replacement, String definition) {}

    public static final SpecConventions PAXOS = new SpecConventions("msgs", new SetNetwork(), "None", List.of(),
            List.of());

    /**
     * The ghost {@code votes} grows with every vote; its spec says a trace checker overrides RecordVote. A reply's
     * result is logged in decimal (see DecimalFields).
     */
    public static final SpecConventions MULTI_PAXOS = new SpecConventions("msgs",
            new BagNetwork("Duplicate", "Lose"), "None",
            List.of(new Override("RecordVote", "TraceRecordVote", "TraceRecordVote(a, s, b, v) == UNCHANGED votes")),
            List.of("result", "n"));

    public SpecConventions {
        overrides = List.copyOf(overrides);
        decimalFields = List.copyOf(decimalFields);
    }

    /** The conventions of the module, or of the nearest known module it extends; Paxos's for any other module. */
    public static SpecConventions of(ModuleSignature signature) {
        for (String module : signature.lineage()) {
            if (module.equals("MultiPaxos")) {
                return MULTI_PAXOS;
            }
            if (module.equals("Paxos")) {
                return PAXOS;
            }
        }
        return PAXOS;
    }

    public boolean isBag() {
        return network instanceof BagNetwork;
    }
}
