package dev.paxosref.sim;

import dev.paxosref.core.Invariant;
import dev.paxosref.node.Storage;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A disk that keeps synced bytes and may lose, keep or tear what was written after the last sync when the node
 * crashes, as a real disk with a volatile cache does; with the fault profile's probability the machine dies during
 * a sync.
 */
final class SimDisk implements Storage {
    private final SimWorld world;
    /** The disk's bytes are bytes[0 .. length); the array grows by doubling so that appends stay cheap. */
    private byte[] bytes = new byte[0];
    private int length;
    private int syncedLength;
    private int lastWriteStart;

    @Override
    public void append(byte[] record) {
        lastWriteStart = length;
        if (length + record.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + record.length));
        }
        System.arraycopy(record, 0, bytes, lastWriteStart, record.length);
        length += record.length;
    }

    SimDisk(SimWorld world) {
        this.world = world;
    }

    /** The machine may die before the sync completes: then the disk crashes as the machine does. */
    @Override
    public boolean sync() {
        if (world.random(SeedSplit.Subsystem.DISK).nextDouble() < world.faults().crashDuringWriteProbability()) {
            crash();
            world.countCrashDuringWrite();
            return false;
        }
        syncedLength = length;
        return true;
    }

    /** A crash: unsynced bytes survive, vanish, or the last write survives only in part (a torn write). */
    void crash() {
        SplittableRandom random = world.random(SeedSplit.Subsystem.DISK);
        FaultProfile faults = world.faults();
        if (syncedLength == length) {
            return;
        }
        if (random.nextDouble() < faults.unsyncedWriteSurvivesProbability()) {
            syncedLength = length;
            return;
        }
        int keep = syncedLength;
        if (lastWriteStart >= syncedLength && random.nextDouble() < faults.tornWriteProbability()) {
            keep = lastWriteStart + random.nextInt(length - lastWriteStart);
        }
        length = keep;
        syncedLength = keep;
    }

    /** Cuts the disk to its first {@code length} bytes; the cut is durable at once, as recovery syncs it. */
    @Override
    public void truncate(int lengthKept) {
        Invariant.check(lengthKept <= syncedLength,
            () -> "truncating to " + lengthKept + " past synced " + syncedLength);
        length = lengthKept;
        syncedLength = lengthKept;
        lastWriteStart = Math.min(lastWriteStart, lengthKept);
    }

    @Override
    public byte[] readBack() {
        return Arrays.copyOf(bytes, length);
    }
}
