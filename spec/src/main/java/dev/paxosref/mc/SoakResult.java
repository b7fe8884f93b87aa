package dev.paxosref.mc;

import java.time.Duration;

/**
 * What one soak run (TLC's random simulation for a bounded time) of one model produced.
 *
 * @param seed     TLC's seed: with one worker, the same seed replays the same traces
 * @param depthMax the length at which each random trace is cut ({@code -depth})
 * @param traces   random traces TLC generated, the cut-off one included
 */
public record SoakResult(Model model, Verdict verdict, long seed, int depthMax, long traces, long statesGenerated,
                         Duration elapsed, int workers) {

    public boolean asExpected() {
        return model.expect().isMetBy(verdict);
    }
}
