package dev.paxosref.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code ./paxos demo}: the flagship job. Model-checks every {@code ci} model, then (as the simulator and trace
 * checker land) runs a simulated cluster and checks its traces against the spec.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job: model-check every 'ci' model with TLC (./paxos mc) and report."},
        footer = {"", "Exit codes: 0 every step as expected, 1 some step not, 2 bad input."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        System.out.println("== Step 1: model checking (TLC) ==");
        CommandLine mc = spec.root().commandLine().getSubcommands().get("mc");
        return mc.execute("--show", "NaivePaxos01", "--show", "NaivePaxos02");
    }
}
