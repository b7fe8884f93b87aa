package dev.paxosref.node;

/**
 * The node's port to its disk: an append-only byte log. Bytes appended since the last sync may be lost, kept, or
 * (the last append) torn by a crash; synced bytes stay. A runtime backs it with a file, the simulator with a disk
 * that lies in exactly those ways.
 */
public interface Storage {
    void append(byte[] bytes);

    /**
     * Makes everything appended so far survive a crash. Returns false if the machine died before the sync
     * completed: a real machine's process is gone then and never sees the answer, but a simulated one goes on in
     * the same thread and must stop the step.
     */
    boolean sync();

    /** Everything the disk holds now, synced or not. */
    byte[] readBack();

    /** Cuts the log to its first {@code lengthKept} bytes (a torn tail that recovery found), durably. */
    void truncate(int lengthKept);
}
