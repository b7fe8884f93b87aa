package dev.paxosref.node;

import dev.paxosref.core.Durable;

/**
 * A node's durable state on its {@link Storage}, whatever roles it hosts, as checksummed records; {@code D} is
 * what recovery reads back.
 */
public interface NodeStore<D extends NodeDurable> {
    /** Writes without syncing; the caller syncs before anything that depends on it leaves the node. */
    void write(Durable durable);

    /** See {@link Storage#sync()}: false if the machine died before the sync completed. */
    boolean sync();

    /** What survives on the storage: the last intact record of each role, or Init's values. */
    D recover();

    /** After a crash during the write of {@code written}: whether recovery now reads it. */
    default boolean holds(Durable written) {
        return recover().parts().contains(written);
    }
}
