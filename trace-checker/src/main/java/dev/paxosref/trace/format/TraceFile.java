package dev.paxosref.trace.format;

import java.util.List;

/** One NDJSON file as read: its header and its events in file order. */
public record TraceFile(TraceHeader header, List<TraceEvent> events) {}
