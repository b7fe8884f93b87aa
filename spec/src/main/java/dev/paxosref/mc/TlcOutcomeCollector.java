package dev.paxosref.mc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TLC's messages and remembers what the run concluded: the violation and its behaviour, the state counts,
 * the depth, the coverage witnesses reached, or the error text.
 */
final class TlcOutcomeCollector {

    private static final Pattern INVARIANT = Pattern.compile("Invariant (\\S+) is violated");
    private static final Pattern ACTION_PROPERTY = Pattern.compile("Action property (\\S+) is violated");
    private static final Pattern TEMPORAL = Pattern.compile("Temporal properties were violated");
    private static final Pattern INITIAL_PROPERTY = Pattern.compile("[Pp]roperty (\\S+) is violated by the initial");
    private static final Pattern DEADLOCK = Pattern.compile("Deadlock reached");
    private static final Pattern STATS = Pattern.compile(
            "([\\d,]+) states generated, ([\\d,]+) distinct states found, ([\\d,]+) states left on queue");
    private static final Pattern DEPTH = Pattern.compile("depth of the complete state graph search is (\\d+)");
    private static final Pattern STEP_HEADER = Pattern.compile("^(\\d+): <?([^>]*)>?$");
    private static final Pattern BACK_TO = Pattern.compile("(\\d+): Back to state");
    private static final Pattern VARIABLE = Pattern.compile("^(?:/\\\\ )?([A-Za-z_][A-Za-z0-9_]*) = (.*)$", Pattern.DOTALL);
    private static final int RAW_LINES_KEPT = 40;

    private final String temporalProperty;
    private final List<Counterexample.Step> steps = new ArrayList<>();
    private final Deque<String> rawLines = new ArrayDeque<>();
    private final Set<String> witnessesReached = new LinkedHashSet<>();
    private String violatedProperty;
    private String error;
    private int loopsBackTo;
    private boolean stuttersForever;
    private long statesGenerated;
    private long distinctStates;
    private int depth;

    /** @param temporalProperty the name to report when TLC says only "Temporal properties were violated" */
    TlcOutcomeCollector(String temporalProperty) {
        this.temporalProperty = temporalProperty;
    }

    void accept(TlcMessage message) {
        String body = message.body();
        switch (message.code()) {
            case TlcMessage.RAW -> readRaw(body);
            case TlcMessage.STATE -> steps.add(parseStep(body));
            case TlcMessage.STUTTERING -> stuttersForever = true;
            case TlcMessage.BACK_TO_STATE -> loopsBackTo = backToState(body);
            case TlcMessage.STATS -> readStats(body);
            case TlcMessage.DEPTH -> readDepth(body);
            default -> {
                if (message.isError()) {
                    readError(body);
                }
            }
        }
    }

    Verdict verdict(int exitCode) {
        if (violatedProperty != null) {
            return new Verdict.Violation(violatedProperty, new Counterexample(steps, loopsBackTo, stuttersForever));
        }
        if (error != null || exitCode != 0) {
            String detail = error != null ? error : "TLC exited with code " + exitCode;
            return new Verdict.Error(detail + (rawLines.isEmpty() ? "" : "\n" + String.join("\n", rawLines)));
        }
        return new Verdict.Pass();
    }

    long statesGenerated() {
        return statesGenerated;
    }

    long distinctStates() {
        return distinctStates;
    }

    int depth() {
        return depth;
    }

    private void readError(String body) {
        if (violatedProperty != null) {
            return;
        }
        String property = firstGroup(INVARIANT, body);
        if (property == null) {
            property = firstGroup(ACTION_PROPERTY, body);
        }
        if (property == null) {
            property = firstGroup(INITIAL_PROPERTY, body);
        }
        if (property == null && TEMPORAL.matcher(body).find()) {
            property = temporalProperty;
        }
        if (property == null && DEADLOCK.matcher(body).find()) {
            property = "Deadlock";
        }
        if (property != null) {
            violatedProperty = property;
        } else if (!body.startsWith("The behavior up to this point") && !body.startsWith("The following behavior")) {
            error = error == null ? body : error + "\n" + body;
        }
    }

    private void readStats(String body) {
        Matcher m = STATS.matcher(body);
        if (m.find()) {
            statesGenerated = parseCount(m.group(1));
            distinctStates = parseCount(m.group(2));
        }
    }

    private void readDepth(String body) {
        String d = firstGroup(DEPTH, body);
        if (d != null) {
            depth = Integer.parseInt(d);
        }
    }

    /** Which coverage witnesses TLC reported reaching, each once however many workers reported it. */
    Set<String> witnessesReached() {
        return witnessesReached;
    }

    private void readRaw(String line) {
        String witness = WitnessModule.reachedIn(line);
        if (witness != null) {
            witnessesReached.add(witness);
        } else {
            keepRaw(line);
        }
    }

    private void keepRaw(String line) {
        if (line.startsWith("Parsing file") || line.startsWith("Semantic processing")) {
            return;
        }
        rawLines.addLast(line);
        if (rawLines.size() > RAW_LINES_KEPT) {
            rawLines.removeFirst();
        }
    }

    static Counterexample.Step parseStep(String body) {
        String[] lines = body.split("\n", -1);
        Matcher header = STEP_HEADER.matcher(lines[0].strip());
        int number = 0;
        String action = lines[0].strip();
        if (header.matches()) {
            number = Integer.parseInt(header.group(1));
            action = actionName(header.group(2));
        }
        return new Counterexample.Step(number, action, parseVariables(lines));
    }

    /** "Phase1a line 12, col 3 to line 18, col 40 of module Paxos" becomes "Phase1a". */
    private static String actionName(String label) {
        int cut = label.indexOf(" line ");
        return (cut < 0 ? label : label.substring(0, cut)).strip();
    }

    private static Map<String, String> parseVariables(String[] lines) {
        Map<String, String> variables = new LinkedHashMap<>();
        StringBuilder current = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            boolean startsConjunct = line.startsWith("/\\ ") || (current == null && !line.isBlank());
            if (startsConjunct) {
                putVariable(variables, current);
                current = new StringBuilder(line);
            } else if (current != null && !line.isBlank()) {
                current.append(' ').append(line.strip());
            }
        }
        putVariable(variables, current);
        return variables;
    }

    private static void putVariable(Map<String, String> variables, StringBuilder conjunct) {
        if (conjunct == null) {
            return;
        }
        Matcher m = VARIABLE.matcher(conjunct.toString().strip());
        if (m.matches()) {
            variables.put(m.group(1), m.group(2).strip());
        }
    }

    private static int backToState(String body) {
        String n = firstGroup(BACK_TO, body);
        return n == null ? 0 : Integer.parseInt(n);
    }

    private static String firstGroup(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static long parseCount(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}
