package dev.paxosref.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./paxos demo}: the flagship job, made of the other commands, done within a few minutes. Model-checks a
 * first look of the {@code ci} models (the whole suite is {@code ./paxos mc}), runs a simulated cluster for many seeds exporting its traces, and checks those traces against the spec; then the same
 * for Multi-Paxos, whose traces are checked against MultiPaxos.tla.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job: model checking (./paxos mc), a simulated cluster (./paxos sim)",
                "whose traces are then checked against the spec (./paxos trace check)."},
        footer = {"", "Exit codes: 0 every step as expected, 1 some step not, 2 bad input."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "200",
            description = "Simulator seeds whose traces are checked (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--multi-seeds", paramLabel = "N", defaultValue = "100",
            description = "Multi-Paxos simulator seeds whose traces are checked (default: ${DEFAULT-VALUE}).")
    int multiSeeds;

    @Option(names = "--traces", paramLabel = "DIR", defaultValue = "target/demo-traces",
            description = "Where the simulator writes its traces, Multi-Paxos ones in DIR-multi "
                    + "(default: ${DEFAULT-VALUE}).")
    String traces;

    @Override
    public Integer call() {
        String traceDir = java.nio.file.Path.of(System.getProperty("paxos.home", ".")).resolve(traces).toString();
        int worst = step("1. Model checking, a first look (the whole suite is ./paxos mc): the abstract specs, Paxos with"
                + " its mutants, the naive protocols, liveness over lossy links, reconfiguration",
                "mc", "--show", "NaivePaxos01", "--show", "NaivePaxos02", "Consensus", "Voting", "Paxos",
                "NaivePaxos01", "NaivePaxos02", "MultiPaxosLivenessLossy", "MultiPaxosLivenessNoCatchUp",
                "MultiPaxosReconfig");
        worst = Math.max(worst, step("2. A simulated cluster under faults, " + seeds + " seeds, traces in " + traceDir,
                "sim", "--seeds", Integer.toString(seeds), "--traces", traceDir));
        String jobs = Integer.toString(Runtime.getRuntime().availableProcessors());
        worst = Math.max(worst, step("3. Every simulator trace replayed against spec/tla/Paxos.tla by TLC's evaluator",
                "trace", "check", "--summary", "--jobs", jobs, traceDir));
        String multiDir = traceDir + "-multi";
        worst = Math.max(worst, step("4. A simulated Multi-Paxos cluster (a replicated counter and key-value "
                + "store) under faults, " + multiSeeds + " seeds, traces in " + multiDir,
                "sim", "--protocol", "multi", "--seeds", Integer.toString(multiSeeds), "--traces", multiDir));
        worst = Math.max(worst, step("5. Every Multi-Paxos trace replayed against spec/tla/MultiPaxos.tla",
                "trace", "check", "--summary", "--jobs", jobs, multiDir));
        return worst;
    }

    private int step(String title, String command, String... args) {
        System.out.println();
        System.out.println("== " + title + " ==");
        int exit = spec.root().commandLine().getSubcommands().get(command).execute(args);
        System.out.flush();
        System.out.println(exit == 0 ? "-- step passed" : "-- step FAILED (exit " + exit + ")");
        return exit;
    }
}
