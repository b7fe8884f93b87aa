package dev.paxosref.node;

import dev.paxosref.core.Durable;

/** A server's durable state on its {@link Storage}, whatever roles it hosts, as checksummed records. */
public interface NodeStore {
    /** Writes without syncing; the caller syncs before anything that depends on it leaves the node. */
    void write(Durable durable);

    void sync();

    /** After a crash during the write of {@code written}: whether recovery now reads it. */
    boolean holds(Durable written);
}
