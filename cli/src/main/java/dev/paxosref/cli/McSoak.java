package dev.paxosref.cli;

import dev.paxosref.mc.Model;
import dev.paxosref.mc.ModelCheckRunner;
import dev.paxosref.mc.ResultsJson;
import dev.paxosref.mc.SoakResult;
import dev.paxosref.mc.SoakText;
import dev.paxosref.mc.SpecHome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code ./paxos mc --soak}: TLC's random simulation of each soak model for a bounded time, from a seed drawn fresh
 * (or given), printed so that a violation can be replayed.
 *
 * @param seed      the seed every run uses; null to draw one per model
 * @param withBehaviour whether a violation's behaviour is printed
 */
record McSoak(SpecHome home, Duration duration, Long seed, Integer workers, boolean withBehaviour, PrintStream out) {

    /** Runs the models and prints each run and a summary; true when none found a violation. */
    boolean run(List<Model> models, Path json) throws IOException {
        List<SoakResult> results = new ArrayList<>();
        for (Model model : models) {
            // Non-negative, so that it can be given back as --seed without looking like an option.
            long runSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
            out.println(SoakText.starting(model, runSeed, duration.toSeconds()));
            // One worker by default: then the seed alone decides the traces, and a violation replays.
            ModelCheckRunner runner = new ModelCheckRunner(home, workers == null ? 1 : workers);
            SoakResult result = runner.soak(model, runSeed, duration);
            out.println(SoakText.format(result, withBehaviour));
            results.add(result);
        }
        McReport.printSoakSummary(results, out);
        if (json != null) {
            ResultsJson.writeSoak(results, json);
            out.println("Wrote " + json);
        }
        return results.stream().allMatch(SoakResult::asExpected);
    }
}
