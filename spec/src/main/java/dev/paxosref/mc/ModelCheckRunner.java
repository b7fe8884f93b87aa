package dev.paxosref.mc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Checks a list of manifest models one after the other and tells a listener what happens. */
public final class ModelCheckRunner {

    /** Hears about each model as it starts, progresses and finishes. */
    public interface Listener {
        void started(Model model);

        void progress(Model model, Progress progress);

        void finished(ModelCheckResult result);
    }

    private final TlcRun tlc;

    public ModelCheckRunner(SpecHome home, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        this.tlc = new TlcRun(home, workers);
    }

    public List<ModelCheckResult> run(List<Model> models, Listener listener) {
        List<ModelCheckResult> results = new ArrayList<>();
        models.forEach(ModelCheckRunner::requireEnumerable);
        for (Model model : models) {
            listener.started(model);
            ModelCheckResult result = tlc.check(model, progress -> listener.progress(model, progress));
            listener.finished(result);
            results.add(result);
        }
        return results;
    }

    /**
     * Runs TLC's random simulation of a {@code soak} model from {@code seed}, until it finds a violation or
     * {@code duration} has passed.
     */
    public SoakResult soak(Model model, long seed, Duration duration) {
        if (model.tier() != Model.Tier.soak) {
            throw new IllegalArgumentException("model '" + model.name() + "' is a " + model.tier()
                    + " model; only soak models are simulated");
        }
        return tlc.soak(model, seed, duration);
    }

    /** Checks one model with no listener: what tests use. */
    public ModelCheckResult check(Model model) {
        requireEnumerable(model);
        return tlc.check(model, progress -> { });
    }

    /** A soak model is too large to enumerate: a breadth-first search of it would not end. */
    private static void requireEnumerable(Model model) {
        if (model.tier() == Model.Tier.soak) {
            throw new IllegalArgumentException("model '" + model.name() + "' is a soak model; simulate it (soak)");
        }
    }
}
