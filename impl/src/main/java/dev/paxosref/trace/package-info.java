/**
 * Writing the trace format: per node, NDJSON with a header line, then one event per executed spec action, under
 * the spec's action, parameter and variable names, with the messages read and sent and a Lamport clock.
 */
package dev.paxosref.trace;
