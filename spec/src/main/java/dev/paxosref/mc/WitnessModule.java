package dev.paxosref.mc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module TLC checks for a model with coverage witnesses: written beside the model's generated config, it
 * {@code EXTENDS} the model's module and adds two checks that are always TRUE, so they cannot change the state
 * space: an invariant over the state witnesses and an {@code ACTION_CONSTRAINT} over the action witnesses. The
 * first time a worker sees a witness hold, the check remembers it in a TLC register and prints a marker line
 * ({@code "@@witness Name"}) that {@link TlcOutcomeCollector} collects.
 *
 * <p>The checks see what TLC's own checks see: the invariant every new state, one just past a {@code CONSTRAINT}
 * included (TLC checks such a state but does not extend it); the action constraint every transition whose target
 * satisfies the {@code CONSTRAINT}.
 *
 * <p>TLC's registers are per worker thread, so with several workers a marker may be printed once per worker; and
 * {@code TLCGet} of a register never set fails, so an {@code ASSUME}, which TLC evaluates once in its main thread
 * before exploring (where {@code TLCSet} sets the register of every worker), clears them all first.
 */
final class WitnessModule {

    static final String STATE_CHECK = "CoverageOfStateWitnesses";
    static final String ACTION_CHECK = "CoverageOfActionWitnesses";
    private static final String MARKER_PREFIX = "@@witness ";
    /** PrintT prints the marker string with its quotes. */
    private static final Pattern MARKER = Pattern.compile("^\"" + MARKER_PREFIX + "(\\S+)\"$");
    /** Above any register a spec of this project uses (none do today), so the witnesses' cannot clash with one. */
    private static final int FIRST_REGISTER = 100;

    private WitnessModule() {
    }

    /** The module's name: unique to the model's module, and written only into the model's own run folder. */
    static String name(Model model) {
        return "CoverageOf" + model.module();
    }

    static Path write(Model model, Path dir) {
        Path file = dir.resolve(name(model) + ".tla");
        try {
            Files.writeString(file, render(model));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** The witness a line of TLC's output reports reached, or null when the line is no marker. */
    static String reachedIn(String line) {
        Matcher m = MARKER.matcher(line);
        return m.matches() ? m.group(1) : null;
    }

    static String render(Model model) {
        StringBuilder tla = new StringBuilder("---- MODULE ").append(name(model)).append(" ----\n")
                .append("\\* Generated from spec/models.json, model ").append(model.name())
                .append(": checks its coverage witnesses. Edit the manifest, not this file.\n")
                .append("EXTENDS ").append(model.module()).append(", TLC\n\n")
                .append("ASSUME\n");
        for (int i = 0; i < model.witnessNames().size(); i++) {
            tla.append("    /\\ TLCSet(").append(FIRST_REGISTER + i).append(", FALSE)\n");
        }
        tla.append("\nCoverageWitness(register, holds, marker) ==\n")
                .append("    IF TLCGet(register) \\/ ~holds THEN TRUE\n")
                .append("    ELSE TLCSet(register, TRUE) /\\ PrintT(marker)\n\n");
        appendCheck(tla, STATE_CHECK, model.witnesses(), FIRST_REGISTER);
        appendCheck(tla, ACTION_CHECK, model.actionWitnesses(), FIRST_REGISTER + model.witnesses().size());
        return tla.append("====\n").toString();
    }

    private static void appendCheck(StringBuilder tla, String check, Map<String, String> witnesses, int register) {
        if (witnesses.isEmpty()) {
            return;
        }
        tla.append(check).append(" ==\n");
        int r = register;
        for (String witness : witnesses.keySet()) {
            tla.append("    /\\ CoverageWitness(").append(r++).append(", ").append(witness).append(", \"")
                    .append(MARKER_PREFIX).append(witness).append("\")\n");
        }
        tla.append('\n');
    }
}
