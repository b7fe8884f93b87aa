package dev.paxosref.trace.format;

import java.util.List;

/** A whole trace in causal order, ready to check: the events of every node of one run, merged. */
public record Trace(String name, TraceHeader header, List<TraceEvent> events) {}
