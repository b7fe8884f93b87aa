package dev.paxosref.trace.spec;

import dev.paxosref.trace.format.SourceLocation;
import dev.paxosref.trace.format.TraceInputException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tla2sany.drivers.SANY;
import tla2sany.modanalyzer.SpecObj;
import tla2sany.semantic.LevelConstants;
import tla2sany.semantic.ModuleNode;
import tla2sany.semantic.OpDefNode;
import util.SimpleFilenameToStream;

/**
 * What a trace may name in a spec module: its constants, its variables, and its actions (operators whose body
 * mentions primed variables) with their formal parameter names, read by SANY from the .tla file itself; and its
 * lineage, the module's name followed by those of the modules it extends, nearest first; and its constant
 * definitions, the zero-arity operators of constant level (which TLC evaluates once, when it loads a model).
 */
public record ModuleSignature(Path specFile, List<String> constants, List<String> variables,
                              Map<String, List<String>> actionParams, List<String> lineage,
                              List<String> constantDefinitions) {

    public String moduleName() {
        String file = specFile.getFileName().toString();
        return file.substring(0, file.length() - ".tla".length());
    }

    /** The last signatures read, by file, with the stamp of the modules they were read from. */
    private static final Map<Path, Map.Entry<String, ModuleSignature>> READ = new ConcurrentHashMap<>();

    /**
     * The signature of the module in {@code specFile}; read again only when a module of its directory has changed
     * since the last read in this JVM, as a SANY parse costs tenths of a second.
     */
    public static ModuleSignature read(Path specFile) {
        if (!Files.isRegularFile(specFile)) {
            throw new TraceInputException(new SourceLocation(specFile.toString(), 0, 0), "spec module not found");
        }
        String stamp = SpecFiles.stamp(specFile.toAbsolutePath().getParent());
        Map.Entry<String, ModuleSignature> last = READ.get(specFile);
        if (last != null && last.getKey().equals(stamp)) {
            return last.getValue();
        }
        ModuleSignature signature = parse(specFile);
        READ.put(specFile, Map.entry(stamp, signature));
        return signature;
    }

    private static ModuleSignature parse(Path specFile) {
        TlcRuntime.ensureInitialized();
        SpecObj spec = new SpecObj(specFile.toString(),
                new SimpleFilenameToStream(specFile.toAbsolutePath().getParent().toString()));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        try {
            SANY.frontEndMain(spec, specFile.toString(), new PrintStream(messages, true, StandardCharsets.UTF_8));
        } catch (tla2sany.drivers.FrontEndException e) {
            throw cannotParse(specFile, e.getMessage());
        }
        ModuleNode root = spec.getRootModule();
        if (spec.getErrorLevel() > 0 || root == null) {
            throw cannotParse(specFile, messages.toString(StandardCharsets.UTF_8));
        }
        Map<String, List<String>> actions = new LinkedHashMap<>();
        List<String> constantDefinitions = new ArrayList<>();
        for (OpDefNode def : root.getOpDefs()) {
            if (def.getBody() != null && def.getBody().getLevel() == LevelConstants.ActionLevel) {
                actions.put(def.getName().toString(),
                        Arrays.stream(def.getParams()).map(p -> p.getName().toString()).toList());
            }
            if (def.getBody() != null && def.getArity() == 0
                    && def.getBody().getLevel() == LevelConstants.ConstantLevel) {
                constantDefinitions.add(def.getName().toString());
            }
        }
        return new ModuleSignature(specFile,
                Arrays.stream(root.getConstantDecls()).map(c -> c.getName().toString()).toList(),
                Arrays.stream(root.getVariableDecls()).map(v -> v.getName().toString()).toList(),
                actions, lineage(root), constantDefinitions);
    }

    private static List<String> lineage(ModuleNode root) {
        List<String> names = new ArrayList<>(List.of(root.getName().toString()));
        List<ModuleNode> level = new ArrayList<>(root.getExtendedModuleSet(false));
        while (!level.isEmpty()) {
            List<ModuleNode> next = new ArrayList<>();
            for (ModuleNode module : level) {
                if (!names.contains(module.getName().toString())) {
                    names.add(module.getName().toString());
                    next.addAll(module.getExtendedModuleSet(false));
                }
            }
            level = next;
        }
        return names;
    }

    private static TraceInputException cannotParse(Path specFile, String why) {
        return new TraceInputException(new SourceLocation(specFile.toString(), 0, 0), "SANY cannot parse: " + why);
    }
}
