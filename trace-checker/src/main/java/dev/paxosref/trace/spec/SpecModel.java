package dev.paxosref.trace.spec;

import dev.paxosref.trace.format.TraceHeader;
import dev.paxosref.trace.format.TraceInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tla2sany.semantic.OpDefNode;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import util.SimpleFilenameToStream;

/**
 * A spec module loaded once into TLC's evaluator, with the constants of one trace header, or with constants bound
 * per checking thread for traces of any header ({@link #loadForAnyHeader}). TLC keeps per-model state
 * in static fields, so a JVM holds one loaded model at a time; callers load the next one only after finishing with
 * this one.
 */
public final class SpecModel {
    static final String MODEL_MODULE = "TraceModel";

    private final ModuleSignature signature;
    private final SpecConventions conventions;
    private final FastTool tool;
    private final Map<String, OpDefNode> operators = new HashMap<>();

    private SpecModel(ModuleSignature signature, SpecConventions conventions, FastTool tool) {
        this.signature = signature;
        this.conventions = conventions;
        this.tool = tool;
        for (OpDefNode def : tool.getRootModule().getOpDefs()) {
            operators.put(def.getName().toString(), def);
        }
    }

    public static SpecModel load(ModuleSignature signature, TraceHeader header, Path workDir) {
        return load(signature, header, workDir, 1);
    }

    /** The model with the conventions of its module. */
    public static SpecModel load(ModuleSignature signature, TraceHeader header, Path workDir, int threads) {
        return load(signature, SpecConventions.of(signature), header, workDir, threads);
    }

    /**
     * Loads the model for stepping on {@code threads} threads (TLC IdThreads numbered from 0). TLC gives each worker
     * its own copy of constant values that evaluation may mutate, but only for as many workers as it was told of
     * when the model was loaded; fewer, and threads would share those values and race.
     */
    public static SpecModel load(ModuleSignature signature, SpecConventions conventions, TraceHeader header,
                                 Path workDir, int threads) {
        TlcRuntime.ensureInitialized();
        Path modelDir = writeModel(signature, conventions, List.of(), "",
                ModelConfig.constantsSection(header, signature, List.of()), workDir);
        return open(signature, conventions, modelDir, workDir, threads, header);
    }

    /**
     * Loads the model once for traces of any header: every constant is bound to {@code TraceConstant("X")}, which
     * reads the header bound to the checking thread (see HeaderBinding), so each trace is checked inside
     * {@code HeaderBinding.bind(header, signature)}. {@code first} is bound while TLC loads, as it evaluates Next's
     * bounded quantifiers then: the model's {@link #nextActions} are those of {@code first}'s constants, so this
     * model is for checking without silent steps.
     */
    public static SpecModel loadForAnyHeader(ModuleSignature signature, SpecConventions conventions,
                                             TraceHeader first, Path workDir, int threads) {
        TlcRuntime.ensureInitialized();
        HeaderBinding.evaluateLazily(signature);
        StringBuilder cfg = new StringBuilder("CONSTANTS\n");
        signature.constants().forEach(c -> cfg.append("  ").append(c).append(" <- ")
                .append(HeaderBinding.definitionName(c)).append('\n'));
        Path modelDir = writeModel(signature, conventions, List.of(HeaderBinding.MODULE),
                HeaderBinding.definitions(signature), cfg.toString(), workDir);
        try (HeaderBinding.Binding bound = HeaderBinding.bind(first, signature)) {
            writeText(modelDir.resolve(HeaderBinding.MODULE + ".tla"), HeaderBinding.MODULE_TEXT, workDir);
            SpecModel model = open(signature, conventions, modelDir, workDir, threads, first);
            HeaderBinding.registerModelValues(signature);
            return model;
        }
    }

    /** The model TLC holds now (it holds one per JVM), and what it was loaded from. */
    private static SpecModel held;
    private static String heldKey;

    /**
     * Loads the model written to {@code modelDir}, or returns the one TLC holds if it was loaded from the same
     * model text and config, spec modules and threads: then a SANY parse and TLC's setup, tenths of a second, are
     * spared, as when one JVM checks one trace after another.
     */
    private static synchronized SpecModel open(ModuleSignature signature, SpecConventions conventions,
                                               Path modelDir, Path workDir, int threads, TraceHeader header) {
        String key = modelKey(signature, modelDir, threads);
        if (key.equals(heldKey)) {
            return held;
        }
        held = null;
        heldKey = null;
        SpecModel model = loadFrom(signature, conventions, modelDir, workDir, threads, header);
        held = model;
        heldKey = key;
        return model;
    }

    /** Forgets the model TLC holds, so that the next load parses and sets it up again (for measuring a load). */
    public static synchronized void forgetHeld() {
        held = null;
        heldKey = null;
    }

    private static String modelKey(ModuleSignature signature, Path modelDir, int threads) {
        try {
            return threads + "\n" + modelDir.toAbsolutePath() + "\n" + SpecFiles.stamp(
                    signature.specFile().toAbsolutePath().getParent()) + "\n"
                    + Files.readString(modelDir.resolve(MODEL_MODULE + ".tla")) + "\n"
                    + Files.readString(modelDir.resolve(MODEL_MODULE + ".cfg"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLC model in " + modelDir, e);
        }
    }

    private static SpecModel loadFrom(ModuleSignature signature, SpecConventions conventions, Path modelDir,
                                      Path workDir, int threads, TraceHeader header) {
        TlcRuntime.forgetLastModel();
        TlcRuntime.useWorkers(threads);
        TlcRuntime.useMetaDir(workDir.resolve("meta").toString());
        String[] libraryPath = {modelDir.toString(), signature.specFile().toAbsolutePath().getParent().toString()};
        try {
            return new SpecModel(signature, conventions, new FastTool(modelDir.toString(), MODEL_MODULE, MODEL_MODULE,
                    new SimpleFilenameToStream(libraryPath)));
        } catch (RuntimeException e) {
            throw new TraceInputException(header.origin(), "TLC cannot load " + signature.moduleName()
                    + " with these constants: " + e.getMessage());
        }
    }

    /**
     * Writes the model module (the spec, the modules of the faster definitions and {@code alsoExtends}, with
     * {@code definitions} and the overrides' replacements) and its config ({@code constants}, then the overrides).
     */
    private static Path writeModel(ModuleSignature signature, SpecConventions conventions, List<String> alsoExtends,
                                   String definitions, String constants, Path workDir) {
        StringBuilder cfg = new StringBuilder(constants);
        conventions.steppingOverrides().forEach(o -> cfg.append("  ").append(o.operator()).append(" <- ")
                .append(o.replacement()).append('\n'));
        cfg.append("INIT Init\nNEXT Next\n");
        List<String> extended = new ArrayList<>(List.of(signature.moduleName()));
        extended.addAll(conventions.fasterModules());
        extended.addAll(alsoExtends);
        String key = Integer.toHexString((signature.specFile().toAbsolutePath() + cfg.toString()).hashCode());
        Path modelDir = workDir.resolve("model-" + key);
        writeText(modelDir.resolve(MODEL_MODULE + ".tla"), "---- MODULE " + MODEL_MODULE + " ----\n"
                + "EXTENDS " + String.join(", ", extended) + "\n"
                + definitions
                + ModelConfig.overrideDefinitions(conventions.steppingOverrides())
                + "====\n", workDir);
        writeText(modelDir.resolve(MODEL_MODULE + ".cfg"), cfg.toString(), workDir);
        return modelDir;
    }

    private static void writeText(Path file, String text, Path workDir) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the TLC model under " + workDir, e);
        }
    }

    public ModuleSignature signature() {
        return signature;
    }

    public SpecConventions conventions() {
        return conventions;
    }

    public FastTool tool() {
        return tool;
    }

    public OpDefNode operator(String name) {
        return operators.get(name);
    }

    public List<TLCState> initialStates() {
        StateVec states = tool.getInitStates();
        List<TLCState> initial = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            initial.add(states.elementAt(i));
        }
        return initial;
    }

    /** The sub-actions of Next, each with the bounded constants' values bound: the silent steps of a partial log. */
    public Action[] nextActions() {
        return tool.getActions();
    }
}
