package dev.paxosref.cli;

import dev.paxosref.mc.CounterexampleText;
import dev.paxosref.mc.Model;
import dev.paxosref.mc.ModelCheckResult;
import dev.paxosref.mc.ModelCheckRunner;
import dev.paxosref.mc.ModelManifest;
import dev.paxosref.mc.ResultsJson;
import dev.paxosref.mc.SpecHome;
import dev.paxosref.mc.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./paxos mc}: runs TLC on the models of spec/models.json and checks each gives the expected result. */
@Command(name = "mc", mixinStandardHelpOptions = true,
        description = {"Model-check the TLA+ specs with TLC.",
                "Runs every 'ci' model of spec/models.json (or the MODELs named), each in a",
                "fresh JVM, and checks that each gives its expected outcome, reaches its",
                "coverage witnesses and, with one worker, finds its exact distinct-state count.",
                "Each mutant a passing model lists runs as the model '<Model>+<Mutant>' under",
                "that model's configuration and must give its expected violation.",
                "With --soak, runs the 'soak' models instead: TLC -simulate for --seconds each."},
        footer = {"", "Exit codes: 0 every model as expected, 1 some model not as expected, 2 bad input."})
final class McCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MODEL", description = {"Models to check (default: all 'ci' models); a model runs with "
            + "the mutants derived from it, and a derived model (Model+Mutant) can be named alone."})
    List<String> names = new ArrayList<>();

    @Option(names = "--deep", description = "Also check the 'deep' models (long).")
    boolean deep;

    @Option(names = "--workers", paramLabel = "N",
            description = "TLC worker threads (default: 1 for 'ci' models, whose counts are pinned; all cores for 'deep').")
    Integer workers;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write results and counterexamples as JSON.")
    Path json;

    @Option(names = "--brief", description = "Do not print counterexamples.")
    boolean brief;

    @Option(names = "--show", paramLabel = "MODEL",
            description = "Print counterexamples only for these models (repeatable; default: all).")
    List<String> show = new ArrayList<>();

    @Option(names = "--list", description = "List the models, derived mutants and coverage witnesses, and exit.")
    boolean list;

    @Option(names = "--soak", description = {"Instead, run the 'soak' models (or the MODELs named) by TLC's random",
            "simulation for a bounded time; a violation prints its seed."})
    boolean soak;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "60",
            description = "With --soak: how long each model is simulated (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = "--seed", paramLabel = "S",
            description = "With --soak: TLC's seed, to replay a run (default: a fresh one per model, printed).")
    Long seed;

    @Override
    public Integer call() throws Exception {
        SpecHome home = SpecHome.locate();
        ModelManifest manifest = ModelManifest.load(home);
        if (list) {
            McReport.printList(manifest.allModels(), System.out);
            return 0;
        }
        if (soak) {
            if (seconds < 1) {
                throw new IllegalArgumentException("--seconds must be at least 1, got " + seconds);
            }
            McSoak runs = new McSoak(home, Duration.ofSeconds(seconds), seed, workers, !brief, System.out);
            return runs.run(manifest.selectSoak(names), json) ? 0 : 1;
        }
        if (seed != null) {
            throw new IllegalArgumentException("--seed applies to --soak runs only; an exhaustive model's seed, if "
                    + "any, is in spec/models.json");
        }
        List<Model> models = manifest.select(names, deep);
        List<ModelCheckResult> results = new ArrayList<>();
        McProgressPrinter printer = new McProgressPrinter(System.out);
        for (Model model : models) {
            ModelCheckRunner runner = new ModelCheckRunner(home, workersFor(model));
            ModelCheckResult result = runner.run(List.of(model), printer).get(0);
            if (showsCounterexample(model) && result.verdict() instanceof Verdict.Violation v) {
                System.out.println(indent(CounterexampleText.format(v.property(), v.counterexample())));
            }
            if (result.verdict() instanceof Verdict.Error e) {
                System.out.println(indent(e.message()));
            }
            results.add(result);
        }
        McReport.printSummary(results, System.out);
        if (json != null) {
            ResultsJson.write(results, json);
            System.out.println("Wrote " + json);
        }
        return results.stream().allMatch(ModelCheckResult::asExpected) ? 0 : 1;
    }

    private boolean showsCounterexample(Model model) {
        return !brief && (show.isEmpty() || show.contains(model.name()));
    }

    private int workersFor(Model model) {
        if (workers != null) {
            return workers;
        }
        return model.tier() == Model.Tier.ci ? 1 : Runtime.getRuntime().availableProcessors();
    }

    private static String indent(String text) {
        return text.indent(4).stripTrailing();
    }
}
