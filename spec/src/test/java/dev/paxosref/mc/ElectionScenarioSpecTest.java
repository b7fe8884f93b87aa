package dev.paxosref.mc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The spec half of the election scenario impl/src/test/resources/scenarios/election.txt, whose Java half is
 * impl's ElectionScenarioTest (LeaderElection answers exactly what the file says). Here each step of the file
 * becomes a step of a trace spec over MultiPaxosElection.tla: an enabled step must be the spec action with the
 * logged post-state of up, suspects and hb; a disabled one must be disabled in the spec too, except when only the
 * Java timer refused (the spec's Suspect may fire at any time, so there it must be enabled). TLC must reach the
 * end of the trace: the invariant NotDone is violated.
 */
class ElectionScenarioSpecTest {
    private static final Pattern STATE = Pattern.compile("state \\{up=(true|false), suspects=\\[(.*)]}");
    private static final Pattern SEND = Pattern.compile("send Heartbeat\\[from=(\\d+), to=(\\d+)]");
    private static final String TIMER = "not enabled: the timer: no heartbeat from q for leaseMs";

    @Test
    void theSpecTakesEveryStepOfTheScenario() throws IOException, InterruptedException {
        SpecHome home = SpecHome.locate();
        Path script = home.dir().resolveSibling("impl/src/test/resources/scenarios/election.txt");
        List<String> steps = traceSteps(Files.readAllLines(script));
        Path dir = TlcJvm.createDirectories(home.workDir().resolve("ElectionScenario"));
        try (Stream<Path> modules = Files.list(home.tlaDir())) {
            for (Path module : modules.toList()) {
                Files.copy(module, dir.resolve(module.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(dir.resolve("ElectionScenario.tla"), module(steps));
        Files.writeString(dir.resolve("ElectionScenario.cfg"), """
            CONSTANTS Client = {c1} Seq = {1} None = None Op <- Increments Acceptor = {a1} Quorum = {{a1}}
                      NumProposers = 3 Replica = {r1} Ballot = {0, 1, 2, 3, 4} Slot = {1}
            INIT TInit
            NEXT TNext
            INVARIANT NotDone
            """);
        List<String> out = new ArrayList<>();
        Process tlc = TlcJvm.start(TlcJvm.command(dir, "tlc2.TLC", List.of("-workers", "1", "-metadir",
            dir.resolve("meta").toString(), "-config", "ElectionScenario.cfg", "ElectionScenario")), dir);
        TlcJvm.drain(tlc, dir.resolve("tlc.out"), out::add);
        assertTrue(out.stream().anyMatch(l -> l.contains("Invariant NotDone is violated")),
            "the spec does not take every step of " + script + "; see " + dir.resolve("tlc.out"));
    }

    /** One TLA+ step formula per "> Action args" of the script. */
    private static List<String> traceSteps(List<String> lines) {
        List<String> steps = new ArrayList<>();
        TreeSet<String> hb = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("> ")) {
                continue;
            }
            String[] w = lines.get(i).substring(2).split("[ @]+");
            String action = w[0].equals("Heartbeat") || w[0].equals("Crash") || w[0].equals("Recover")
                ? w[0] + "(" + w[1] + ")" : w[0] + "(" + w[1] + ", " + w[2] + ")";
            String answer = lines.get(i + 1);
            int k = steps.size();
            String step;
            if (answer.equals(TIMER)) {
                step = "ENABLED " + action + " /\\ UNCHANGED allVars";
            } else if (answer.startsWith("not enabled: ")) {
                step = "~ENABLED " + action + " /\\ UNCHANGED allVars";
            } else if (answer.startsWith("Phase1a(")) {
                step = action;
            } else {
                Matcher state = STATE.matcher(answer);
                assertTrue(state.matches(), "line " + (i + 2) + ": " + answer);
                if (w[0].equals("ReceiveHeartbeat")) {
                    hb.remove("<<" + w[2] + ", " + w[1] + ">>");
                }
                for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("send "); j++) {
                    Matcher send = SEND.matcher(lines.get(j));
                    assertTrue(send.matches(), "line " + (j + 1) + ": " + lines.get(j));
                    hb.add("<<" + send.group(1) + ", " + send.group(2) + ">>");
                }
                step = action + " /\\ up'[" + w[1] + "] = " + state.group(1).toUpperCase()
                    + " /\\ suspects'[" + w[1] + "] = {" + state.group(2) + "} /\\ hb' = {"
                    + String.join(", ", hb) + "}";
            }
            steps.add("i = " + k + " /\\ i' = " + (k + 1) + " /\\ " + step);
        }
        return steps;
    }

    private static String module(List<String> steps) {
        StringBuilder tla = new StringBuilder("---- MODULE ElectionScenario ----\nEXTENDS MultiPaxosElection\n")
            .append("VARIABLE i\nIncrements == {<<\"incr\">>}\nTInit == ElectionInit /\\ i = 0\nTNext ==\n");
        steps.forEach(s -> tla.append("    \\/ ").append(s).append('\n'));
        return tla.append("NotDone == i < ").append(steps.size()).append("\n====\n").toString();
    }
}
