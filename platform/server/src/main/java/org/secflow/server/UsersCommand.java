package org.secflow.server;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.server.identity.TokenHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code secflow users}: Users of the REST API. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Users of the REST API.",
        subcommands = UsersCommand.Token.class)
final class UsersCommand {

    /** {@code secflow users token}: a new static bearer token, shown once, and its salted hash for the configuration. */
    @Command(name = "token", mixinStandardHelpOptions = true,
            description = {"Makes a new random bearer token (256-bit secret). Prints the token once, and the YAML to put in "
                    + "users: of conf/secflow.yaml, which holds only a salted SHA-256 of it (tokenHash). secflow never "
                    + "stores or prints the token again: give it to the User now. Restart the server to use it.",
                    "Without --user-id, prints only the tokenHash line, for an existing entry (replacing its token: line)."})
    static final class Token implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--user-id", paramLabel = "ID", description = "DCC User ID (or platform user name): prints a whole users entry")
        String userId;

        @Option(names = "--name", paramLabel = "TEXT", description = "Display name (default: the User ID)")
        String name;

        @Option(names = "--party", paramLabel = "PARTY", description = "SEC Party the User acts for, e.g. SUPPLIER-A (needed with --user-id)")
        String party;

        @Option(names = "--dcc-user-roles", split = ",", paramLabel = "ROLE", description = "DCC User Roles: ${COMPLETION-CANDIDATES}")
        List<DccUserRole> dccUserRoles = List.of();

        @Option(names = "--platform-roles", split = ",", paramLabel = "ROLE", description = "secflow roles: ${COMPLETION-CANDIDATES}")
        List<PlatformRole> platformRoles = List.of();

        @Option(names = "--groups", split = ",", paramLabel = "GROUP", description = "process groups whose user tasks the User completes (bpmn/README.md)")
        List<String> groups = List.of();

        @Override
        public Integer call() {
            if (userId != null && (party == null || party.isBlank())) {
                throw new ParameterException(spec.commandLine(), "--party is needed with --user-id");
            }
            if (userId == null && (party != null || name != null || !dccUserRoles.isEmpty() || !platformRoles.isEmpty() || !groups.isEmpty())) {
                throw new ParameterException(spec.commandLine(), "--name, --party, --dcc-user-roles, --platform-roles and --groups need --user-id");
            }
            TokenHash.NewToken t = TokenHash.generate();
            PrintWriter out = spec.commandLine().getOut();
            out.println("Bearer token (shown only now; the configuration keeps only its hash):");
            out.println();
            out.println("  " + t.token());
            out.println();
            if (userId == null) {
                out.println("Put this line in the User's entry of users: in conf/secflow.yaml, in place of its token: line:");
                out.println();
                out.println("    tokenHash: \"" + t.hash().format() + "\"");
            } else {
                out.println("Add this entry to users: in conf/secflow.yaml:");
                out.println();
                out.println("  - tokenHash: \"" + t.hash().format() + "\"");
                out.println("    userId: " + quoted(userId));
                out.println("    name: " + quoted(name == null ? userId : name));
                out.println("    party: " + quoted(party));
                out.println("    dccUserRoles: " + dccUserRoles);
                out.println("    platformRoles: " + platformRoles);
                if (!groups.isEmpty()) {
                    out.println("    groups: [" + String.join(", ", groups.stream().map(UsersCommand::quoted).toList()) + "]");
                }
            }
            out.flush();
            return 0;
        }
    }

    /** A YAML double-quoted scalar. */
    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
