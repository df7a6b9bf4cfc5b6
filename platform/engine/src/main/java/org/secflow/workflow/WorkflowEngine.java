package org.secflow.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;

/**
 * The embedded Camunda 7 engine of one secflow process, on the platform's own {@link DataSource} (the tables come
 * from the Flyway migration {@code V5__Camunda_engine_schema}, so the engine never touches the schema).
 *
 * <p>Expressions in the BPMN ({@code ${firmwareCampaigns.startWave(execution)}}, {@code delegateExpression}) resolve
 * against the beans given with {@link #registerBean}; nothing is looked up by class name, so a {@code .bpmn} from
 * Camunda Modeler needs only the bean names documented in {@code bpmn/README.md}.
 */
public final class WorkflowEngine implements AutoCloseable {
    private final ProcessEngine engine;
    private final Map<Object, Object> beans;

    private WorkflowEngine(ProcessEngine engine, Map<Object, Object> beans) {
        this.engine = engine;
        this.beans = beans;
    }

    /**
     * Builds the engine.
     *
     * @param dataSource the platform's pool (HSQLDB in MVCC/PostgreSQL-syntax mode, or PostgreSQL)
     * @param postgres whether the database is PostgreSQL (else HSQLDB driven with Camunda's H2 dialect,
     *                 Camunda does not support HSQLDB: V5__Camunda_engine_schema adapts its schema)
     * @param jobExecutor whether to run the job executor (timers, asynchronous continuations)
     */
    public static WorkflowEngine start(DataSource dataSource, boolean postgres, boolean jobExecutor) {
        Map<Object, Object> beans = new HashMap<>();
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setProcessEngineName("secflow-" + UUID.randomUUID());
        config.setDataSource(dataSource);
        config.setDatabaseType(postgres ? "postgres" : "h2");
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        config.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_AUDIT);
        config.setJobExecutorActivate(jobExecutor);
        // a job (e.g. a national campaign's eligibility check) may run for minutes: keep its lock for 30 minutes
        // so that no second executor thread picks the same job up while the first still runs it
        org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor executor = new org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor();
        executor.setLockTimeInMillis(30 * 60 * 1000);
        config.setJobExecutor(executor);
        config.setMetricsEnabled(false);
        config.setBeans(beans);
        config.setEnforceHistoryTimeToLive(false);
        return new WorkflowEngine(config.buildProcessEngine(), beans);
    }

    /** Makes {@code bean} available to BPMN expressions as {@code name}. */
    public void registerBean(String name, Object bean) {
        beans.put(name, bean);
    }

    public ProcessEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }
}
