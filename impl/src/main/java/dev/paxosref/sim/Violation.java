package dev.paxosref.sim;

/** A property that failed, named as in Paxos.tla where it has a name there, at the step where it failed. */
public record Violation(String property, String detail, long step) {
}
