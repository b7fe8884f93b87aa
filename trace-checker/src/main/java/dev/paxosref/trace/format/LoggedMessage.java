package dev.paxosref.trace.format;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A message as logged: its trace-wide id, and the spec's message record (the fields other than id). */
public record LoggedMessage(String id, ObjectNode fields) {}
