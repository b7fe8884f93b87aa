package dev.paxosref.trace.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.mc.Expectation;
import dev.paxosref.mc.Model;
import dev.paxosref.mc.ModelCheckResult;
import dev.paxosref.mc.ModelCheckRunner;
import dev.paxosref.mc.ModelManifest;
import dev.paxosref.mc.SpecHome;
import dev.paxosref.mc.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tla2sany.drivers.SANY;
import tla2sany.modanalyzer.SpecObj;
import tla2sany.semantic.ASTConstants;
import tla2sany.semantic.LetInNode;
import tla2sany.semantic.ModuleNode;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.OpDeclNode;
import tla2sany.semantic.OpDefNode;
import tla2sany.semantic.SemanticNode;
import util.SimpleFilenameToStream;

/**
 * Stepping mode swaps some Multi-Paxos definitions for faster ones written in Java strings (SpecConventions). This
 * proves each equal to the definition it replaces, by TLC, on every state a ci model explores: a generated module
 * extends the model's module, instantiates MultiPaxos unchanged as {@code Original}, and overrides each operator
 * {@code Op} by {@code CheckedOp}, which computes the faster definition and the original on the same arguments,
 * fails an Assert where they differ and else goes on with the original's value. So every call the model makes is
 * checked, with the arguments it really has. The count of distinct states need not be the ci model's pinned one,
 * and not because of the overrides: under the models' SYMMETRY and VIEW, which state TLC keeps for a class depends
 * on the module's text (the check module with no override gives the same count as with them), so the count is only
 * required to be of the same size.
 * TLC runs in a fresh JVM, as spec/'s runner does.
 */
class SteppingOverridesTest {
    private static final Path SPEC = Path.of("..", "spec");
    private static final Path WORK = Path.of("target", "stepping-overrides");
    private static final String MODULE = "SteppingOverridesCheck";
    /** Two small ci models: two slots with reproposals and snapshots; and one fault (duplicates, losses, crashes). */
    private static final List<String> MODELS = List.of("MultiPaxos", "MultiPaxosFaults");
    private static final Pattern HEAD = Pattern.compile("^(\\w+)\\(([^)]*)\\)\\s*==", Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicTest> eachFasterDefinitionEqualsTheOriginalOnTheCiModelsStates() throws IOException {
        SpecHome home = homeWithCheckModule();
        ModelManifest manifest = ModelManifest.load(new SpecHome(SPEC));
        // select also gives each model's derived mutants; the check is about the passing models' states
        Stream<Model> passing = manifest.select(MODELS, false).stream().filter(m -> MODELS.contains(m.name()));
        return passing.map(model -> DynamicTest.dynamicTest(model.name(), () -> {
            ModelCheckResult result = new ModelCheckRunner(home, 1).check(checked(model));
            assertInstanceOf(Verdict.Pass.class, result.verdict(), () -> model.name() + ": " + result.verdict()
                    + (result.verdict() instanceof Verdict.Error e ? "\n" + e.message() : ""));
            assertTrue(result.distinctStates() >= model.distinctStates() / 2, "explored " + result.distinctStates());
            System.out.printf("%s: every faster definition equals the original in %,d distinct states (%s)%n",
                    model.name(), result.distinctStates(), result.elapsed());
        }));
    }

    @Test
    void theCheckFailsWhereAFasterDefinitionDiffers() throws IOException {
        SpecConventions wrong = new SpecConventions("msgs", SpecConventions.MULTI_PAXOS.network(), "None",
                List.of(), List.of(new SpecConventions.Override("Extend", "TraceExtend",
                        "TraceExtend(f, x, v) == f")), List.of());
        SpecHome home = homeWith(checkModule(wrong));
        Model model = ModelManifest.load(new SpecHome(SPEC)).select(List.of("MultiPaxosOneLeader"), false).get(0);
        ModelCheckResult result = new ModelCheckRunner(home, 1).check(checked(model, wrong));
        Verdict.Error error = assertInstanceOf(Verdict.Error.class, result.verdict());
        assertTrue(error.message().contains("Extend differs from the original"), error.message());
    }

    @Test
    void theOnlyOverrideNotCheckedForEqualityIsTheGhostVariables() {
        assertEquals(List.of("RecordVote"), SpecConventions.MULTI_PAXOS.overrides().stream()
                .map(SpecConventions.Override::operator).toList());
        assertFalse(SpecConventions.MULTI_PAXOS.faster().isEmpty());
        assertTrue(SpecConventions.PAXOS.steppingOverrides().isEmpty());
    }

    /**
     * The one override that is not equal, {@code RecordVote <- TraceRecordVote} ({@code UNCHANGED votes}), is sound
     * for checking traces because no step reads {@code votes}: walking {@code Next} and every definition it uses,
     * the ghost appears only in RecordVote itself and under UNCHANGED. So dropping its updates changes no other
     * variable of any step, and no guard. (Invariants such as {@code QuorumVotes} do read it; the walk finds those.)
     */
    @Test
    void noStepReadsTheGhostVariableThatTraceRecordVoteStopsUpdating() {
        ModuleNode multiPaxos = parse(SPEC.resolve("tla").resolve("MultiPaxos.tla"));
        assertEquals(List.of(), GhostReads.of(multiPaxos, "Next", "votes", "RecordVote"));
        assertFalse(GhostReads.of(multiPaxos, "QuorumVotes", "votes", "RecordVote").isEmpty(),
                "the walk finds a read where there is one");
    }

    private static ModuleNode parse(Path file) {
        TlcRuntime.ensureInitialized();
        SpecObj spec = new SpecObj(file.toString(), new SimpleFilenameToStream(file.toAbsolutePath().getParent()
                .toString()));
        assertEquals(0, assertDoesNotThrow(() -> SANY.frontEndMain(spec, file.toString(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))));
        return spec.getRootModule();
    }

    /** Where a definition, and every definition it uses, reads a variable outside UNCHANGED and outside its writer. */
    private record GhostReads(String variable, String writer, List<String> reads, Set<OpDefNode> visited) {
        static List<String> of(ModuleNode module, String definition, String variable, String writer) {
            GhostReads walk = new GhostReads(variable, writer, new ArrayList<>(), new HashSet<>());
            for (OpDefNode def : module.getOpDefs()) {
                if (def.getName().toString().equals(definition)) {
                    walk.definition(def);
                }
            }
            return walk.reads();
        }

        void definition(OpDefNode def) {
            if (def.getKind() == ASTConstants.UserDefinedOpKind && !def.getName().toString().equals(writer)
                    && visited.add(def)) {
                walk(def.getBody());
            }
        }

        void walk(SemanticNode node) {
            if (node == null) {
                return;
            }
            if (node instanceof OpApplNode application) {
                String operator = application.getOperator().getName().toString();
                if (operator.equals("UNCHANGED")) {
                    return;
                }
                if (application.getOperator() instanceof OpDeclNode && operator.equals(variable)) {
                    reads.add(node.getLocation().toString());
                }
                if (application.getOperator() instanceof OpDefNode used) {
                    definition(used);
                }
            }
            if (node instanceof LetInNode let) {
                for (OpDefNode local : let.getLets()) {
                    definition(local);
                }
            }
            SemanticNode[] children = node.getChildren();
            if (children != null) {
                for (SemanticNode child : children) {
                    walk(child);
                }
            }
        }
    }

    /** The model, its module replaced by the check module, each faster operator overridden by its checked twin. */
    private static Model checked(Model model) {
        return checked(model, SpecConventions.MULTI_PAXOS);
    }

    private static Model checked(Model model, SpecConventions conventions) {
        Map<String, String> overrides = new LinkedHashMap<>(model.overrides());
        conventions.faster().forEach(o -> overrides.put(o.operator(), "Checked" + o.operator()));
        return new Model(model.name() + "-overrides", MODULE, model.tier(), model.description(), model.constants(),
                overrides, model.specification(), model.init(), model.next(), List.of(), List.of(), null, null,
                model.symmetry(), model.view(), model.constraint(), model.checkDeadlock(), model.seed(), null,
                Expectation.pass(), model.distinctStates(), model.depth(), model.seconds(), model.why(), List.of());
    }

    /** The module: the model's own, the faster definitions, and for each a twin that checks it against the original. */
    static String checkModule(SpecConventions conventions) {
        StringBuilder tla = new StringBuilder("---- MODULE " + MODULE + " ----\n")
                .append("EXTENDS ").append(String.join(", ", Stream.concat(Stream.of("MCMultiPaxos"),
                        conventions.fasterModules().stream()).toList())).append('\n')
                .append("Original == INSTANCE MultiPaxos\n");
        for (SpecConventions.Override o : conventions.faster()) {
            Matcher head = HEAD.matcher(o.definition());
            assertTrue(head.find() && head.group(1).equals(o.replacement()), "a definition of " + o.replacement());
            String args = head.group(2);
            tla.append(o.definition()).append('\n')
                    .append("Checked").append(o.operator()).append('(').append(args).append(") ==\n")
                    .append("    LET fast == ").append(o.replacement()).append('(').append(args).append(")\n")
                    .append("        original == Original!").append(o.operator()).append('(').append(args).append(")\n")
                    .append("    IN  IF fast = original THEN original\n")
                    .append("        ELSE Assert(FALSE, <<\"").append(o.operator())
                    .append(" differs from the original\", ").append(args).append(">>)\n");
        }
        return tla.append("====\n").toString();
    }

    private static SpecHome homeWithCheckModule() throws IOException {
        return homeWith(checkModule(SpecConventions.MULTI_PAXOS));
    }

    /** A spec home of its own: the spec's modules and the check module, so nothing is written into spec/tla. */
    private static SpecHome homeWith(String module) throws IOException {
        Path dir = Files.createDirectories(WORK).toAbsolutePath();
        Path home = Files.createTempDirectory(dir, "home-");
        Path tla = Files.createDirectories(home.resolve("tla"));
        try (Stream<Path> modules = Files.list(SPEC.resolve("tla"))) {
            for (Path m : modules.filter(p -> p.toString().endsWith(".tla")).toList()) {
                Files.copy(m, tla.resolve(m.getFileName()));
            }
        }
        Files.writeString(tla.resolve(MODULE + ".tla"), module);
        return new SpecHome(home);
    }
}
