package dev.paxosref.trace.spec;

/**
 * The two spec names the trace format relies on beyond action and variable names: the variable holding the set of
 * messages (logged sends and receives are checked against it) and the model value a JSON null stands for.
 */
public record SpecConventions(String messagesVariable, String noneValue) {
    public static final SpecConventions PAXOS = new SpecConventions("msgs", "None");
}
