package dev.paxosref.cli;

import dev.paxosref.mc.ModelManifest;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns bad input into one clear line and exit code 2; anything else is a bug and keeps its stack trace. */
final class ErrorHandler implements IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult)
            throws Exception {
        if (e instanceof ModelManifest.InvalidManifestException || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("paxos: " + e.getMessage());
            return BAD_INPUT;
        }
        throw e;
    }
}
