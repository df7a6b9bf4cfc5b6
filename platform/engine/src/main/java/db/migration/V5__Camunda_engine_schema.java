package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates the Camunda 7 engine tables from the scripts inside the {@code camunda-engine} jar, so that Flyway owns
 * the whole schema and the engine runs with {@code databaseSchemaUpdate=false}.
 *
 * <ul>
 *   <li>PostgreSQL: Camunda's own {@code activiti.postgres.create.*.sql}, unchanged.</li>
 *   <li>HSQLDB (the embedded default): Camunda's {@code activiti.h2.create.*.sql} with two rewrites HSQLDB needs,
 *       {@code NOT NULL DEFAULT x} → {@code DEFAULT x NOT NULL} and the column type {@code long} → {@code bigint};
 *       the engine then runs with {@code databaseType=h2} on an MVCC, PostgreSQL-syntax HSQLDB
 *       (checked by running the engine's own operations on it). Camunda does not
 *       support HSQLDB; this migration is the adapter, and 7.24 being the last CE release keeps it stable.</li>
 * </ul>
 * Scripts run in Camunda's own order (engine, case, decision, history, identity).
 */
public class V5__Camunda_engine_schema extends BaseJavaMigration {
    static final List<String> SCRIPTS = List.of("engine", "case.engine", "decision.engine", "history",
            "case.history", "decision.history", "identity");

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        boolean postgres = product.contains("postgres");
        if (!postgres && !product.contains("hsql")) {
            throw new IllegalStateException("the Camunda schema is set up for HSQLDB and PostgreSQL only, not " + product);
        }
        try (Statement st = context.getConnection().createStatement()) {
            for (String script : SCRIPTS) {
                String sql = read("org/camunda/bpm/engine/db/create/activiti." + (postgres ? "postgres" : "h2")
                        + ".create." + script + ".sql");
                if (!postgres) {
                    sql = forHsqldb(sql);
                }
                for (String statement : statements(sql)) {
                    st.execute(statement);
                }
            }
        }
    }

    /** The two rewrites HSQLDB needs in Camunda's H2 scripts. */
    static String forHsqldb(String h2) {
        return h2.replaceAll("(?i)NOT NULL DEFAULT (\\S+?)([,\\s])", "DEFAULT $1 NOT NULL$2")
                .replaceAll("(?i)(\\s)long([,\\s])", "$1bigint$2");
    }

    /** The statements of a script: comments dropped, split at semicolons. */
    static List<String> statements(String sql) {
        StringBuilder b = new StringBuilder();
        for (String line : sql.split("\\R")) {
            String t = line.strip();
            if (!t.startsWith("--")) {
                b.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(b.toString().split(";"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = V5__Camunda_engine_schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Camunda schema script " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
