package dev.paxosref.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paxosref.trace.format.Prefetch;
import dev.paxosref.trace.format.SourceLocation;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.format.TraceInputException;
import dev.paxosref.trace.format.TraceSources;
import dev.paxosref.trace.format.TraceStream;
import dev.paxosref.trace.report.Verdict;
import dev.paxosref.trace.referee.RefereeChecker;
import dev.paxosref.trace.spec.HeaderBinding;
import dev.paxosref.trace.spec.HeaderConstants;
import dev.paxosref.trace.spec.ModuleSignature;
import dev.paxosref.trace.spec.SpecConventions;
import dev.paxosref.trace.spec.SpecModel;
import dev.paxosref.trace.spec.TraceVocabulary;
import dev.paxosref.trace.step.StepChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import tlc2.util.IdThread;

/**
 * Checks many traces: reads them in parallel, groups them by model (spec and constants, or the spec alone when it
 * comes with several headers and one model can serve them all, see anyHeaderGroups), and checks each group with one
 * loaded model and {@code jobs} threads. Groups run one after another because TLC holds one model per JVM.
 */
final class CheckRun {
    /** How far a stream's reader thread may run ahead of the checker. */
    private static final int PREFETCH_EVENTS = 1024;
    /** No event line is shorter: {@code {"node":0,"clock":0,"action":"A"}} and its newline. */
    private static final long EVENT_BYTES_MIN = 32;

    private final CheckOptions options;
    private final ProgressLine progress;
    private final TraceLoader loader = new TraceLoader();

    CheckRun(CheckOptions options, ProgressLine progress) {
        this.options = options;
        this.progress = progress;
    }

    List<TraceOutcome> run() {
        List<TraceSources.Source> sources = new TraceSources().find(options.inputs());
        progress.start(sources.size());
        EarlyLoads early = new EarlyLoads(this::readSignature, this::anyHeaderLoad, sharesModels());
        List<Loaded> loaded;
        try {
            loaded = inParallel(sources, source -> {
                Loaded opened = options.mode() == CheckOptions.Mode.STEP ? open(source) : load(source);
                if (opened.error() == null) {
                    early.opened(opened.trace());
                }
                return opened;
            });
        } catch (RuntimeException e) {
            early.awaitEnd(); // a load must not outlive its run: the next one's would race it in TLC's statics
            throw e;
        }
        early.awaitSignature();
        Map<ModelKey, List<Integer>> groups = new LinkedHashMap<>();
        TraceOutcome[] outcomes = new TraceOutcome[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            if (loaded.get(i).error() == null) {
                groups.computeIfAbsent(ModelKey.of(loaded.get(i).trace()), k -> new ArrayList<>()).add(i);
            } else {
                outcomes[i] = TraceOutcome.badInput(sources.get(i).name(), loaded.get(i).error());
                progress.advance(outcomes[i]);
            }
        }
        for (List<Integer> group : anyHeaderGroups(groups, loaded, early)) {
            List<TraceOutcome> checked = checkAnyHeader(group.stream().map(loaded::get).toList(), early);
            for (int k = 0; k < group.size(); k++) {
                outcomes[group.get(k)] = checked.get(k);
            }
        }
        for (List<Integer> group : groups.values()) {
            List<Integer> left = group.stream().filter(i -> outcomes[i] == null).toList();
            List<TraceOutcome> checked = left.isEmpty() ? List.of()
                    : checkGroup(left.stream().map(loaded::get).toList());
            for (int k = 0; k < left.size(); k++) {
                outcomes[left.get(k)] = checked.get(k);
            }
        }
        progress.finish();
        return List.of(outcomes);
    }

    /**
     * The traces to check with one model per module (SpecModel.loadForAnyHeader): in stepping mode without silent
     * steps, those of every module that more than one header names. Loading a model per header costs a SANY parse
     * and TLC's setup, a tenth of a second or more, while checking a short trace takes a millisecond. The group
     * whose model started loading while the traces were opened comes first.
     */
    private List<List<Integer>> anyHeaderGroups(Map<ModelKey, List<Integer>> groups, List<Loaded> loaded,
                                                EarlyLoads early) {
        if (!sharesModels()) {
            return List.of();
        }
        Map<String, List<List<Integer>>> bySpec = new LinkedHashMap<>();
        groups.values().forEach(g -> bySpec.computeIfAbsent(loaded.get(g.get(0)).trace().header().spec(),
                k -> new ArrayList<>()).add(g));
        return bySpec.entrySet().stream().filter(headers -> headers.getValue().size() > 1)
                .sorted(Comparator.comparing(headers -> !early.startedFor(headers.getKey())))
                .map(headers -> headers.getValue().stream().flatMap(List::stream).sorted().toList()).toList();
    }

    /** Stepping mode without silent steps: traces of one module and several headers can share one model. */
    private boolean sharesModels() {
        return options.mode() == CheckOptions.Mode.STEP && options.maxSilentSteps() == 0;
    }

    /** The load of the model for traces of {@code first}'s module and any header. */
    private Callable<TraceChecker> anyHeaderLoad(Trace first) {
        return () -> {
            ModuleSignature signature = ModuleSignature.read(TraceLoader.specFile(options.spec(), first));
            return new StepChecker(SpecModel.loadForAnyHeader(signature, SpecConventions.of(signature),
                    first.header(), options.workDir().toAbsolutePath(), options.jobs()), 0, options.maxCandidates());
        };
    }

    /** Reads the signature of {@code trace}'s module so that it is kept; a failure is reported when read again. */
    private void readSignature(Trace trace) {
        try {
            ModuleSignature.read(TraceLoader.specFile(options.spec(), trace));
        } catch (RuntimeException reportedWhenReadAgain) {
            // the trace's group reads the module again and reports this there
        }
    }

    /**
     * Checks traces of one module and many headers with one model, each inside its header's binding. A trace
     * whose check fails other than by a verdict or bad input (its header's constants break an evaluation), and
     * every trace if the model cannot be loaded so (the first header is bad input, or TLC cannot evaluate constant
     * definitions lazily), is left null, to be checked again with a model of its own header, which gives the
     * message a model loaded for it gives.
     */
    private List<TraceOutcome> checkAnyHeader(List<Loaded> group, EarlyLoads early) {
        Trace first = group.get(0).trace();
        ModuleSignature signature;
        StepChecker checker;
        try {
            // the model first: its load reads the signature, and SANY must not parse on two threads at once
            checker = (StepChecker) early.loadFor(first.header().spec(), first).get(first.header());
            signature = ModuleSignature.read(TraceLoader.specFile(options.spec(), first));
        } catch (RuntimeException cannotShare) { // bad input in the first header, or a TLC without lazy constants
            return Arrays.asList(new TraceOutcome[group.size()]);
        }
        return inParallel(group, loaded -> {
            TraceOutcome outcome;
            try {
                HeaderConstants.check(loaded.trace().header(), signature, false);
                try (HeaderBinding.Binding bound = HeaderBinding.bind(loaded.trace().header(), signature)) {
                    outcome = loaded.streamed()
                            ? checkStreamed(() -> checker, () -> true, signature, loaded.source())
                            : checkOne(checker, signature, loaded.trace());
                }
            } catch (TraceInputException e) {
                outcome = TraceOutcome.badInput(loaded.trace().name(), e);
            } catch (RuntimeException e) {
                return null;
            }
            progress.advance(outcome);
            return outcome;
        });
    }

    /**
     * A trace read and merged, or the reason it could not be; or, {@code streamed}, only its header, its events to be
     * read as a stream while they are checked.
     */
    private record Loaded(TraceSources.Source source, Trace trace, TraceInputException error, boolean streamed) {}

    private Loaded load(TraceSources.Source source) {
        try {
            return new Loaded(source, loader.load(source), null, false);
        } catch (TraceInputException e) {
            return new Loaded(source, null, e, false);
        }
    }

    /**
     * The whole trace if it is no longer than a look-ahead window (it would be read whole when checked, and kept for
     * its report: reading it now spares opening it twice); else the header only, if the files can be read as a
     * stream; else the whole trace, or why it cannot be read. A short trace that cannot be read whole is opened as
     * a long one, so that its header's problems are found first, as for any trace.
     */
    private Loaded open(TraceSources.Source source) {
        if (bytes(source) <= options.lookaheadEvents() * EVENT_BYTES_MIN) {
            Loaded whole = load(source);
            if (whole.error() == null) {
                return whole;
            }
        }
        try (TraceStream stream = TraceStream.open(source.name(), source.files(), options.lookaheadEvents())) {
            return new Loaded(source, new Trace(source.name(), stream.header(), List.of()), null, true);
        } catch (TraceInputException | TraceStream.NotStreamable e) {
            return load(source); // reading it whole gives the merger's own message, or the trace
        }
    }

    private List<TraceOutcome> checkGroup(List<Loaded> group) {
        List<Trace> traces = group.stream().map(Loaded::trace).toList();
        ModuleSignature signature;
        SpecConventions conventions;
        try {
            signature = ModuleSignature.read(TraceLoader.specFile(options.spec(), traces.get(0)));
            conventions = conventionsNamedBy(traces.get(0), signature);
            HeaderConstants.check(traces.get(0).header(), signature, options.maxSilentSteps() > 0);
        } catch (TraceInputException e) {
            // one header for the whole group: each trace gets the problem at its own header line
            SourceLocation first = traces.get(0).header().origin();
            List<TraceOutcome> failed = traces.stream().map(t -> TraceOutcome.badInput(t.name(),
                    ModelLoad.atOwnHeader(e, first, t.header()))).toList();
            failed.forEach(progress::advance);
            return failed;
        }
        ModelLoad checker = new ModelLoad(() -> checkerFor(signature, conventions, traces.get(0)),
                traces.get(0).header().origin());
        try {
            return inParallel(group, loaded -> {
                TraceOutcome outcome = checkSafely(checker, signature, loaded);
                progress.advance(outcome);
                return outcome;
            });
        } finally {
            checker.awaitEnd(); // TLC holds one model per JVM: the next group's load must not overlap this one
        }
    }

    /** The module's conventions; a module the checker does not know is the header's fault, reported there. */
    private static SpecConventions conventionsNamedBy(Trace trace, ModuleSignature signature) {
        try {
            return SpecConventions.of(signature);
        } catch (TraceInputException e) {
            throw e.at(trace.header().origin());
        }
    }

    /**
     * One trace's outcome, whatever happens: an error the checker did not foresee is this trace's bad input (at its
     * header, with the whole message), so the other traces of a directory still get their verdicts.
     */
    private TraceOutcome checkSafely(ModelLoad checker, ModuleSignature signature, Loaded loaded) {
        try {
            return loaded.streamed() && options.mode() == CheckOptions.Mode.STEP
                    ? checkStreamed(() -> (StepChecker) checker.get(loaded.trace().header()), checker::isDone,
                            signature, loaded.source())
                    : checkOne(checker.get(loaded.trace().header()), signature, loaded.trace());
        } catch (ModelLoad.Failed e) {
            throw e.failure();
        } catch (TraceInputException e) {
            return TraceOutcome.badInput(loaded.source().name(), e);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            return TraceOutcome.badInput(loaded.source().name(), new TraceInputException(
                    loaded.trace().header().origin(), "TLC cannot check this trace with its header's constants; "
                    + "TLC says:\n    " + message.replace("\n", "\n    ")));
        }
    }

    /**
     * Checks the trace as a stream, holding only the look-ahead window in memory. Only a valid trace is decided so:
     * anything else (a divergence, an undecided step, bad input) is checked again with the trace read whole, which
     * gives the same verdict and message as if it had never been streamed, and the history a report shows. A
     * divergence that goes away with the whole trace in view came from a look-ahead window too short.
     * {@code loaded} says whether {@code checker} would answer without waiting for its model.
     */
    private TraceOutcome checkStreamed(Supplier<StepChecker> checker, BooleanSupplier loaded,
                                       ModuleSignature signature, TraceSources.Source source) {
        int window = options.lookaheadEvents();
        Verdict streamed = null;
        if (bytes(source) <= window * EVENT_BYTES_MIN) {
            // No more events than the look-ahead window holds anyway: a stream would save no memory, and one that
            // turns out not to be one (several nodes logged out of order in one file) would be read again.
            return checkRead(checker, signature, source, null, window);
        }
        try (TraceStream stream = TraceStream.open(source.name(), source.files(), window, event -> {
                 TraceVocabulary.check(event, signature);
                 return event;
             });
             Prefetch events = new Prefetch(stream, PREFETCH_EVENTS)) {
            Iterator<TraceEvent> ahead = readWhileLoading(events, loaded, window); // before waiting for the model
            streamed = checker.get().check(ahead, window, stream.header());
            if (streamed instanceof Verdict.Valid) {
                return TraceOutcome.of(source.name(), new Trace(source.name(), stream.header(), List.of()), streamed);
            }
        } catch (TraceInputException | TraceStream.NotStreamable e) {
            // read it whole below
        }
        return checkRead(checker, signature, source, streamed, window);
    }

    /**
     * {@code events}, of which up to {@code max} more than the prefetch holds are read while the model loads: a
     * file out of clock order (a single-decree trace is, from its third event) is found out and read whole beside
     * the load instead of after it, and a stream's first events are ready when the model is.
     */
    private static Iterator<TraceEvent> readWhileLoading(Iterator<TraceEvent> events, BooleanSupplier loaded,
                                                         int max) {
        List<TraceEvent> read = new ArrayList<>();
        while (read.size() < max && !loaded.getAsBoolean() && events.hasNext()) {
            read.add(events.next());
        }
        if (read.isEmpty()) {
            return events;
        }
        Iterator<TraceEvent> first = read.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || events.hasNext();
            }

            @Override
            public TraceEvent next() {
                return first.hasNext() ? first.next() : events.next();
            }
        };
    }

    /**
     * Checks the trace read whole; {@code streamed} is the verdict of checking it as a stream before, if it was, so
     * that a divergence only the stream saw is blamed on the look-ahead window.
     */
    private TraceOutcome checkRead(Supplier<StepChecker> checker, ModuleSignature signature,
                                   TraceSources.Source source, Verdict streamed, int window) {
        Loaded whole = load(source);
        if (whole.error() != null) {
            return TraceOutcome.badInput(source.name(), whole.error());
        }
        TraceOutcome outcome = checkOne(checker.get(), signature, whole.trace());
        if (streamed instanceof Verdict.Diverged diverged && outcome.verdict() instanceof Verdict.Valid) {
            TraceEvent event = whole.trace().events().get(diverged.eventIndex());
            return TraceOutcome.badInput(source.name(), new TraceInputException(event.origin(), "a message received "
                    + "here was last mentioned more than the look-ahead window of " + window + " events earlier; "
                    + "the trace is valid when read whole, but checking it so takes memory in proportion to its "
                    + "length: raise the window (--lookahead-events)"));
        }
        return outcome;
    }

    private static long bytes(TraceSources.Source source) {
        long bytes = 0;
        for (Path file : source.files()) {
            try {
                bytes += Files.size(file);
            } catch (IOException e) {
                return Long.MAX_VALUE; // the stream names the file it cannot read
            }
        }
        return bytes;
    }

    private TraceChecker checkerFor(ModuleSignature signature, SpecConventions conventions, Trace first) {
        Path workDir = options.workDir().toAbsolutePath();
        return switch (options.mode()) {
            case STEP -> new StepChecker(SpecModel.load(signature, conventions, first.header(), workDir,
                    options.jobs()), options.maxSilentSteps(), options.maxCandidates());
            case TLC -> new RefereeChecker(signature, conventions, workDir, options.maxSilentSteps());
        };
    }

    private static TraceOutcome checkOne(TraceChecker checker, ModuleSignature signature, Trace trace) {
        try {
            if (checker instanceof StepChecker stepping) {
                return TraceOutcome.of(trace.name(), trace, stepChecked(stepping, signature, trace));
            }
            TraceVocabulary.check(trace, signature);
            return TraceOutcome.of(trace.name(), trace, checker.check(trace));
        } catch (TraceInputException e) {
            return TraceOutcome.badInput(trace.name(), e);
        }
    }

    /** Steps the whole trace, checking its vocabulary as it goes, with the verdict of checking it first. */
    private static Verdict stepChecked(StepChecker checker, ModuleSignature signature, Trace trace) {
        VocabularyCheckedEvents events = new VocabularyCheckedEvents(trace.events(), signature);
        Verdict verdict;
        try {
            verdict = checker.check(events, Integer.MAX_VALUE, trace.header());
        } catch (RuntimeException e) {
            events.checkRest(); // bad input further on wins, as if it had been found before stepping
            throw e;
        }
        events.checkRest();
        return verdict;
    }

    /** What one model serves: a spec and its constants (compared as JSON values, not written out as text). */
    private record ModelKey(String spec, Map<String, JsonNode> constants) {
        static ModelKey of(Trace trace) {
            return new ModelKey(trace.header().spec(), trace.header().constants());
        }
    }

    /**
     * Applies {@code work} to every item on {@code jobs} threads, results in input order. The threads are TLC's
     * IdThreads because TLC's evaluator keeps per-worker caches keyed by them.
     */
    private <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        if (options.jobs() == 1 || items.size() < 2) {
            return items.stream().map(work).toList();
        }
        AtomicInteger threadIds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs(),
                r -> new IdThread(r, "trace-check-" + threadIds.get(), threadIds.getAndIncrement()));
        try {
            List<Future<R>> futures = items.stream().map(item -> pool.submit(() -> work.apply(item))).toList();
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking traces", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a checking thread failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
