/**
 * Writing the trace format: per node, NDJSON with a header line, then one event per executed spec action, under
 * the spec's action, parameter and variable names, with the messages read and sent and a Lamport clock. One writer
 * per protocol: {@link dev.paxosref.trace.TraceWriter#paxos} writes Paxos.tla's messages (PaxosJson),
 * {@link dev.paxosref.trace.TraceWriter#multiPaxos} MultiPaxos.tla's (MultiPaxosJson).
 */
package dev.paxosref.trace;
