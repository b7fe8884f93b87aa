/**
 * Writing the trace format: per node, NDJSON with a header line, then one event per executed spec action, under
 * the spec's action, parameter and variable names, with the messages read and sent and a Lamport clock. One writer
 * per protocol: {@link dev.paxosref.trace.TraceWriter#paxos} writes Paxos.tla's messages (PaxosJson),
 * {@link dev.paxosref.trace.TraceWriter#multiPaxos} MultiPaxos.tla's (MultiPaxosJson), and
 * {@link dev.paxosref.trace.TraceWriter#multiPaxosReconfig} the same under MultiPaxosReconfig.tla's header, a
 * reconfiguration's operation {@code <<"config", C>>} written {@code ["config", [members]]}. Each event's state
 * holds only what its step changed since the process's last event (StateChanges), as the header's
 * {@code "state": "changes"} declares.
 */
package dev.paxosref.trace;
