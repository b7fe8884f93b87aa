package dev.paxosref.sim;

import dev.paxosref.core.Invariant;
import java.util.PriorityQueue;

/** Events ordered by virtual time, ties broken by scheduling order, so a seed always replays the same order. */
final class EventQueue {
    private record Scheduled(long atMs, long order, SimEvent event) {
    }

    /** A run that schedules more than this is broken (a timer storm), not slow. */
    private static final int PENDING_MAX = 1_000_000;

    private final PriorityQueue<Scheduled> pending = new PriorityQueue<>((x, y) -> x.atMs != y.atMs
        ? Long.compare(x.atMs, y.atMs) : Long.compare(x.order, y.order));
    private long nowMs;
    private long scheduledCount;

    long nowMs() {
        return nowMs;
    }

    void schedule(long delayMs, SimEvent event) {
        Invariant.check(delayMs >= 0, () -> "event scheduled " + delayMs + " ms in the past: " + event);
        Invariant.check(pending.size() < PENDING_MAX,
            () -> "more than " + PENDING_MAX + " pending events at " + nowMs + " ms");
        pending.add(new Scheduled(nowMs + delayMs, scheduledCount++, event));
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Advances virtual time to the next event and returns it. */
    SimEvent next() {
        Scheduled s = pending.poll();
        nowMs = s.atMs;
        return s.event;
    }
}
