package dev.paxosref.node;

/** The node's port to time: it reads the time here and never elsewhere, so a virtual clock replays a run exactly. */
public interface Clock {
    long nowMs();
}
