package dev.paxosref.mc;

import java.time.Duration;

/** TLC's counters at one moment of a run. */
public record Progress(long statesGenerated, long distinctStates, long queueSize, int depth, Duration elapsed) {

    public long distinctPerSecond() {
        long millis = Math.max(1, elapsed.toMillis());
        return distinctStates * 1000 / millis;
    }
}
