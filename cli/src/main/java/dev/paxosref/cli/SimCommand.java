package dev.paxosref.cli;

import dev.paxosref.sim.Faults;
import dev.paxosref.sim.Protocol;
import dev.paxosref.sim.SimulationRunner;
import dev.paxosref.sim.mutant.Mutant;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./paxos sim}: runs the node layer's real nodes in the deterministic simulator, seed after seed. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Run whole clusters in the deterministic simulator, one seed each.",
                "Each seed runs 3-7 nodes and several clients through a fault phase (message loss, duplication,",
                "delay, partitions, crashes, a disk that loses unsynced and tears its last write) and a heal phase;",
                "after every step it checks agreement, validity and that learners learn only chosen values, and",
                "after the heal that every client was answered. The same seed replays the same run exactly; a",
                "violation prints a summary, the seed's fault parameters and the command that replays it."},
        footer = {"", "Exit codes: 0 no violation, 1 some seed violated a property, 2 bad input."})
final class SimCommand implements Callable<Integer> {

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1000", description = "Seeds to run (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", paramLabel = "S", defaultValue = "1", description = "First seed (default: ${DEFAULT-VALUE}).")
    long firstSeed;

    @Option(names = "--faults", paramLabel = "PROFILE", defaultValue = "default",
            description = {"Fault profile: none, default, harsh, reconfig (Multi-Paxos only: the default faults while",
                    "a member is added and one removed through the log), or swarm (each seed draws its own loss,",
                    "duplication, delay, crash, partition and disk-fault rates and fault phase from the seed, and a",
                    "failure prints them) (default: ${DEFAULT-VALUE})."})
    String faults;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Run seeds on N threads; the output is the same for any N (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--protocol", paramLabel = "P", defaultValue = "single",
            description = "single (Paxos.tla) or multi (MultiPaxos.tla: a replicated counter and key-value store) (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--traces", paramLabel = "DIR", description = "Write each seed's traces to DIR/seed-S.trace/<node>.ndjson.")
    Path traces;

    @Option(names = "--bug", paramLabel = "BUG",
            description = {"Wrap the core's roles in a classic bug, to watch the simulator catch it (repeatable):",
                    "${COMPLETION-CANDIDATES}. Single-decree Paxos has the first six but LEADER_IGNORES_WINDOW; "
                            + "Multi-Paxos the second, the fourth and the last two; its reconfig profile the fourth, the "
                            + "fifth and the last. ACCEPTOR_RESENDS_VOTE and REPLICA_DROPS_RETRY_REPLY break no property "
                            + "the simulator checks: a trace check of a complete log catches them, and "
                            + "REPLICA_KEEPS_SNAPSHOTTED_LOG, a check of a log of changes."})
    Set<Mutant> bugs = new HashSet<>();

    @Override
    public Integer call() {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1");
        }
        Faults profile = Faults.named(faults);
        Set<Mutant> injected = bugs.isEmpty() ? EnumSet.noneOf(Mutant.class) : EnumSet.copyOf(bugs);
        SimulationRunner.Summary summary = SimulationRunner.run(Protocol.named(protocol), firstSeed, seeds, profile,
                injected, traces, jobs, System.out);
        return summary.violations() == 0 ? 0 : 1;
    }
}
