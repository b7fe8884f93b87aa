package dev.paxosref.node;

/** A node's timers; the environment fires each and schedules it again after the period the node returns. */
public enum Timer { HEARTBEAT, PROPOSER, RETRANSMIT }
