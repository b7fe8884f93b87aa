package dev.paxosref.sim;

/** One message in flight from one address to another, with the sender's Lamport clock. */
record Envelope(int from, int to, Wire payload, long clock) {
}
