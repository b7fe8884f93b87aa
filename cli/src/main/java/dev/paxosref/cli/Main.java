package dev.paxosref.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./paxos} launcher: one entry point, one subcommand per job. */
@Command(name = "paxos",
        mixinStandardHelpOptions = true,
        version = "paxos-ref 0.1.0",
        description = "A formally specified reference implementation of Paxos.",
        subcommands = {DemoCommand.class, McCommand.class, SimCommand.class, TraceCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success; 1 a check failed (violation, divergence, unexpected result);",
                  "2 bad input (arguments, manifest, trace files)."})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }
}
