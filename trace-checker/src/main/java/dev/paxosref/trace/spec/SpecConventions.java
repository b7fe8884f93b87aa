package dev.paxosref.trace.spec;

import dev.paxosref.trace.format.SourceLocation;
import dev.paxosref.trace.format.TraceInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the trace format relies on in a spec beyond its action and variable names: the variable holding the
 * network, what kind of network it is, the model value a JSON null stands for, the definitions the checker swaps
 * in so that checking stays bounded ({@code overrides}, both modes) or fast ({@code faster}, stepping mode only:
 * the same operators written with the Java-implemented operators of the standard modules {@code fasterModules}).
 * Chosen from the module the trace header names, or the first known module it
 * extends, so a module that EXTENDS MultiPaxos is checked as MultiPaxos is. MultiPaxosReconfig, which INSTANCEs
 * MultiPaxos, has conventions of its own.
 */
public record SpecConventions(String messagesVariable, Network network, String noneValue,
                              List<Override> overrides, List<Override> faster, List<String> fasterModules) {

    /** How the spec's network holds messages. */
    public sealed interface Network permits SetNetwork, BagNetwork {}

    /** Paxos.tla: the set of every message ever sent; a receive removes nothing, a re-send adds nothing. */
    public record SetNetwork() implements Network {}

    /**
     * MultiPaxos.tla: a function from message to copies in flight; a receive consumes one copy. The network's own
     * steps, {@code duplicate(m)} and {@code lose(m)}, are never logged: the checker inserts them (see NetworkPlan).
     */
    public record BagNetwork(String duplicateAction, String loseAction) implements Network {}

    /**
     * {@code operator <- replacement} in the model, with the replacement defined by {@code definition}. The
     * replacement is as the .cfg writes it: a definition's name, or {@code [M] name} to replace the operator of
     * module M where the spec reaches M through an INSTANCE (TLC looks the name up in the model module).
     */
    public record Override(String operator, String replacement, String definition) {
        /** The same override made inside {@code module}, which the spec INSTANCEs. */
        Override inside(String module) {
            return new Override(operator, "[" + module + "] " + replacement, definition);
        }
    }

    public static final SpecConventions PAXOS = new SpecConventions("msgs", new SetNetwork(), "None", List.of(),
            List.of(), List.of());

    /**
     * The ghost {@code votes} grows with every vote; its spec says a trace checker overrides RecordVote. The bag's
     * AddAll and RemoveOne and the replica's Extend rebuild a function element by element, and TLC looks each
     * element up by a linear scan: quadratic in the messages in flight and in the commands executed, which grow
     * with the trace. TLC's own {@code @@} and the Bags module do the same in Java in one pass. Reproposals builds
     * the union of the promises' votes again for every slot it re-proposes (in ReportedSlots and each HighestVote):
     * cubic in the slots still remembered; the same definition with the union built once is quadratic.
     */
    public static final SpecConventions MULTI_PAXOS = new SpecConventions("msgs",
            new BagNetwork("Duplicate", "Lose"), "None",
            List.of(new Override("RecordVote", "TraceRecordVote", "TraceRecordVote(a, s, b, v) == UNCHANGED votes")),
            List.of(new Override("AddAll", "TraceAddAll",
                            "TraceAddAll(bag, S) == [x \\in S |-> IF x \\in DOMAIN bag THEN bag[x] + 1 ELSE 1] @@ bag"),
                    new Override("RemoveOne", "TraceRemoveOne", "TraceRemoveOne(bag, m) == bag (-) SetToBag({m})"),
                    new Override("Extend", "TraceExtend", "TraceExtend(f, x, v) == (x :> v) @@ f"),
                    new Override("Reproposals", "TraceReproposals", """
                            TraceReproposals(S) ==
                                LET V     == UNION {m.votes : m \\in S}
                                    start == StartSlot(S)
                                    slots == {s \\in {t[1] : t \\in V} : s >= start}
                                    top   == IF slots = {} THEN start - 1 ELSE Max(slots)
                                    Best(s) == LET W == {t \\in V : t[1] = s}
                                               IN  (CHOOSE t \\in W : \\A u \\in W : u[2] <= t[2])[3]
                                IN  {<<s, IF s \\in slots THEN Best(s) ELSE NoOp>> : s \\in start .. top}""")),
            List.of("TLC", "Bags"));

    /**
     * MultiPaxosReconfig.tla reaches MultiPaxos through {@code MP == INSTANCE MultiPaxos}: the same network, and
     * MultiPaxos's overrides made inside the instance, but for Reproposals, which only MultiPaxos's ReceivePromise
     * reads and the module replaces.
     */
    public static final SpecConventions MULTI_PAXOS_RECONFIG = new SpecConventions("msgs", MULTI_PAXOS.network,
            MULTI_PAXOS.noneValue, inside("MultiPaxos", MULTI_PAXOS.overrides),
            inside("MultiPaxos", MULTI_PAXOS.faster.stream().filter(o -> !o.operator().equals("Reproposals"))
                    .toList()), MULTI_PAXOS.fasterModules);

    private static List<Override> inside(String module, List<Override> overrides) {
        return overrides.stream().map(o -> o.inside(module)).toList();
    }

    public SpecConventions {
        overrides = List.copyOf(overrides);
        faster = List.copyOf(faster);
        fasterModules = List.copyOf(fasterModules);
    }

    /** The modules whose network and conventions the checker knows, by name; PaxosGeneral has Paxos's. */
    private static final Map<String, SpecConventions> KNOWN = Map.of("Paxos", PAXOS, "PaxosGeneral", PAXOS,
            "MultiPaxos", MULTI_PAXOS, "MultiPaxosReconfig", MULTI_PAXOS_RECONFIG);

    /**
     * The conventions of the module, or of the nearest known module it extends. Any other module is bad input: the
     * checker would not know which variable is the network, nor whether it is a set or a bag.
     */
    public static SpecConventions of(ModuleSignature signature) {
        for (String module : signature.lineage()) {
            if (KNOWN.containsKey(module)) {
                return KNOWN.get(module);
            }
        }
        throw new TraceInputException(new SourceLocation(signature.specFile().toString(), 0, 0), "module "
                + signature.moduleName() + " is none of " + KNOWN.keySet().stream().sorted().toList()
                + " and extends none of them (it extends " + signature.lineage().stream().skip(1).sorted().toList()
                + "): the checker knows the network and conventions of these only");
    }

    /** What stepping mode swaps in: the overrides and the faster definitions. */
    public List<Override> steppingOverrides() {
        List<Override> all = new ArrayList<>(overrides);
        all.addAll(faster);
        return all;
    }

    public boolean isBag() {
        return network instanceof BagNetwork;
    }
}
