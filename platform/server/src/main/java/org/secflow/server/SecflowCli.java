package org.secflow.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code secflow}: the command line (picocli). {@code secflow --help} and {@code secflow <command> --help} explain each option. */
@Command(name = "secflow", mixinStandardHelpOptions = true, versionProvider = SecflowCli.Version.class,
        description = "Rules-and-workflow platform for GB smart metering processes under the Smart Energy Code.",
        subcommands = {ServeCommand.class, EstateCommand.class, RulesCommand.class, BenchCommand.class,
                ModificationsCommand.class, CampaignCommand.class, UsersCommand.class})
public final class SecflowCli {

    public static void main(String[] args) {
        int rc = new CommandLine(new SecflowCli())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("secflow: " + e.getMessage());
                    return 2;
                })
                .execute(args);
        if (rc != 0 || !ServeCommand.isServing()) {
            System.exit(rc);
        }
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SecflowCli.class.getPackage().getImplementationVersion();
            return new String[] {"secflow " + (v == null ? "development" : v) + " (SPI " + org.secflow.spi.SpiVersion.CURRENT + ")"};
        }
    }
}
