package org.radstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code radstream} command. Each subcommand is one class in this package; results go to stdout,
 * logs to stderr. Exit codes: 0 success, 1 failure reported with a message, 2 bad usage.
 */
@Command(name = "radstream",
        mixinStandardHelpOptions = true,
        versionProvider = RadstreamCommand.Version.class,
        description = "Radiomics prediction of early HCC recurrence after RFA, as an event-driven Kafka pipeline.",
        subcommands = {
            DemoCommand.class,
            BenchCommand.class,
            PlatformCommand.class,
            TopicsCommand.class,
            LagCommand.class,
            FeaturesCommand.class,
            CohortCommand.class,
            AnalyzeCommand.class,
            TrainCommand.class,
            RunCommand.class,
            IngestCommand.class,
            DeployCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class RadstreamCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new RadstreamCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // A failure the user can act on: one line naming what went wrong, no stack trace.
            cmd.getErr().println("radstream " + cmd.getCommandName() + ": " + message(ex));
            if (Boolean.getBoolean("radstream.debug")) {
                ex.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cl.execute(args);
    }

    private static String message(Throwable ex) {
        StringBuilder sb = new StringBuilder(String.valueOf(ex.getMessage()));
        for (Throwable c = ex.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }

    /** Version from the jar manifest (Implementation-Version), or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RadstreamCommand.class.getPackage().getImplementationVersion();
            return new String[] {"radstream " + (v == null ? "dev" : v)};
        }
    }
}
