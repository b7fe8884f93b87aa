package dev.paxosref.sim;

import dev.paxosref.core.Step;
import dev.paxosref.sim.mutant.Mutant;
import java.util.Optional;
import java.util.Set;

/**
 * One seed of any protocol: a cluster and its clients ({@link Scenario}) run in one thread on virtual time. During
 * the fault phase the network, the disks and the nodes fail; then everything heals and every client must be
 * answered within healStepsMax steps. Safety is checked after every step, the outcome (acknowledged results,
 * linearizability) at the end. {@code M} is the protocol's message family.
 */
final class Simulation<M> implements StepRecorder<M> {
    private final long seed;
    private final FaultProfile profile;
    private final SimEnvironment env;
    private final Scenario<M> scenario;
    private final TraceSet<M> traces;
    private long steps;

    private Simulation(long seed, FaultProfile profile, Set<Mutant> mutants, boolean traced,
                       Scenario.Factory<M> factory) {
        this.seed = seed;
        this.profile = profile;
        this.env = new SimEnvironment(seed, profile, SimTiming.DEFAULT);
        this.scenario = factory.create(env, profile, mutants, this);
        this.traces = new TraceSet<>(traced, scenario.writerNames(), scenario::traceWriter);
    }

    /** Runs one seed until it is done after the heal, a violation, or the liveness bound; traced or not. */
    static <M> SeedResult run(long seed, FaultProfile profile, Set<Mutant> mutants, boolean traced,
                              Scenario.Factory<M> factory) {
        return new Simulation<>(seed, profile, mutants, traced, factory).run();
    }

    private SeedResult run() {
        env.begin(scenario.servers(), scenario.clients(), SimTiming.DEFAULT.clientRetryMs());
        Optional<Violation> violation = Violation.catching(this::steps, () -> steps)
            .or(() -> scenario.outcome(steps));
        return new SeedResult(seed, scenario.servers().size(), steps, env.faultCount(), violation, traces.texts());
    }

    private Optional<Violation> steps() {
        while (true) {
            SimEvent event = env.next();
            steps++;
            env.dispatch(event, steps);
            Optional<Violation> violation = scenario.violation(steps);
            if (violation.isPresent()) {
                return violation;
            }
            if (env.healed() && scenario.done()) {
                return Optional.empty();
            }
            if (env.stepsSinceHeal(steps) > profile.healStepsMax()) {
                return Optional.of(new Violation("Liveness", "not done " + profile.healStepsMax()
                    + " steps after the heal: " + scenario.waiting(), steps));
            }
        }
    }

    @Override
    public void executed(int address, long clock, Step.Ready<M> ready) {
        scenario.executed(ready, steps);
        traces.write(address, clock, ready);
    }
}
