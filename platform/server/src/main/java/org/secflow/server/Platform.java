package org.secflow.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.secflow.access.User;
import org.secflow.inventory.FirmwareImageCatalogue;
import org.secflow.inventory.InventoryService;
import org.secflow.inventory.SmiReadModel;
import org.secflow.inventory.SmiInventoryLookup;
import org.secflow.creditcover.CreditCoverService;
import org.secflow.maintenance.MaintenanceService;
import org.secflow.calendar.WorkingDays;
import org.secflow.plugin.HostServices;
import org.secflow.plugin.PluginHost;
import org.secflow.rules.RuleBase;
import org.secflow.servicerequest.ServiceRequestService;
import org.secflow.server.config.SecflowConfig;
import org.secflow.store.Database;
import org.secflow.store.DatabaseSettings;
import org.secflow.workflow.ProcessDeployer;
import org.secflow.campaign.FirmwareCampaignService;
import org.secflow.workflow.WorkflowEngine;

/**
 * One running secflow: the database, the plugins and the feature services, wired once. Close it to stop them in
 * reverse order.
 */
public final class Platform implements AutoCloseable {
    private final SecflowConfig config;
    private final RuntimePaths paths;
    private final Database database;
    private final ScheduledExecutorService scheduler;
    private final PluginHost plugins;
    private final InventoryService inventory;
    private final SmiReadModel smiReadModel;
    private final FirmwareImageCatalogue firmwareImages;
    private final org.secflow.server.identity.Identities identities;
    private final RuleBase rules;
    private final ServiceRequestService serviceRequests;
    private final org.secflow.store.GroupCommit writes;
    private final MaintenanceService maintenance;
    private final CreditCoverService creditCover;
    private final WorkflowEngine workflow;
    private final ProcessDeployer processes;
    private final FirmwareCampaignService campaigns;
    private final org.secflow.modification.ModificationService modifications;
    private org.secflow.server.metrics.PlatformMetrics metrics;

    private final ResourceStack resources;

    private Platform(SecflowConfig config, RuntimePaths paths, boolean withServiceProviders) {
        this.config = config;
        this.paths = paths;
        Clock clock = Clock.systemUTC();
        // first: a malformed users or oidc section stops start-up before anything is opened
        this.identities = org.secflow.server.identity.Identities.from(config, clock);
        this.resources = new ResourceStack();
        try {
            // the rule sets compile and the process engine starts on their own threads while the database migrates,
            // the plugins load and the other features are wired; each is awaited where it is first needed
            CompletableFuture<RuleBase> rulesStarting = withServiceProviders
                    ? resources.pushStarting(ResourceStack.startOnThread("secflow-start-rules", () -> startRules(config, paths, clock)))
                    : null;
            this.database = resources.push(Database.open(databaseSettings(config, paths.data())));
            this.scheduler = Executors.newScheduledThreadPool(4, r -> {
                Thread t = new Thread(r, "secflow-plugins");
                t.setDaemon(true);
                return t;
            });
            resources.push(() -> {
                scheduler.shutdownNow();
                scheduler.awaitTermination(2, TimeUnit.SECONDS);
            });
            SmiInventoryLookup routes = new SmiInventoryLookup(database.jdbi());
            this.plugins = resources.push(PluginHost.start(paths.plugins(), config.plugins().selection(withServiceProviders),
                    new HostServices(scheduler, clock, routes, paths.data().resolve("plugins"))));
            CompletableFuture<WorkflowEngine> workflowStarting = withServiceProviders
                    ? resources.pushStarting(ResourceStack.startOnThread("secflow-start-workflow",
                            () -> WorkflowEngine.start(database.dataSource(), !database.isHsqldb(), true)))
                    : null;
            // the embedded HSQLDB admits one process, so this one sees every SMI write; on a shared PostgreSQL database
            // the other processes' writes are announced (NOTIFY) and the listener makes the read model forget them
            int keep = config.database().smiReadModelDevices();
            this.smiReadModel = keep > 0 ? SmiReadModel.keeping(keep) : SmiReadModel.disabled();
            if (keep > 0 && database.isPostgresql()) {
                resources.push(org.secflow.inventory.SmiChangeListener.start(databaseSettings(config, paths.data()),
                        smiReadModel, 5_000));
            }
            this.inventory = new InventoryService(database.jdbi(), clock, smiReadModel);
            this.firmwareImages = new FirmwareImageCatalogue(database.jdbi(), clock);
            if (withServiceProviders) {
                this.rules = ResourceStack.await(rulesStarting);
                // one writer on both databases: on PostgreSQL four writers made smaller groups, one commit each, and
                // bench-http fell from 3,797 to 2,934 requests/s on an idle machine (docs/performance.md)
                this.writes = resources.push(new org.secflow.store.GroupCommit(database.jdbi(), 1));
                this.serviceRequests = new ServiceRequestService(database.jdbi(), writes, rules, inventory, firmwareImages,
                        plugins::dsp, clock, paths.nodeId(), routes::known,
                        java.time.Duration.ofMillis(config.serviceRequests().maxRecordingLagMs()));
                resources.push(serviceRequests);
                int resumed = serviceRequests.resumeScheduled();
                if (resumed > 0) {
                    org.slf4j.LoggerFactory.getLogger(Platform.class).info(
                            "{} future-dated Service Request device(s) handed to the DSP again to run at their Execution Date Time", resumed);
                }
                WorkingDays workingDays = new WorkingDays();
                this.maintenance = new MaintenanceService(database.jdbi(), rules, workingDays, clock);
                this.creditCover = new CreditCoverService(database.jdbi(), rules, workingDays, clock);
                this.workflow = ResourceStack.await(workflowStarting);
                this.campaigns = new FirmwareCampaignService(database.jdbi(), rules, firmwareImages, plugins::dsp,
                        maintenance, clock, smiReadModel, config.campaigns().maxActivePerSupplier(),
                        // one query per step of a wave instead of one per Service Request: on PostgreSQL a round
                        // trip each, on the embedded HSQLDB a statement each on the sending thread
                        routes::readAhead);
                resources.push(campaigns::close);
                workflow.registerBean(FirmwareCampaignService.BEAN, new org.secflow.campaign.CampaignProcessBean(campaigns));
                workflow.registerBean(org.secflow.modification.ModificationProcessBean.BEAN, new org.secflow.modification.ModificationProcessBean(
                        workingDays, config.modifications().appealWindowWorkingDays()));
                this.modifications = new org.secflow.modification.ModificationService(database.jdbi(), workflow.engine(),
                        org.secflow.modification.ModificationReleases.target(rules, workingDays), clock);
                campaigns.bind(workflow.engine());
                this.processes = new ProcessDeployer(workflow.engine(), paths.bpmn(), clock);
                processes.deployAll();
                campaigns.recover();
            } else {
                this.workflow = null;
                this.processes = null;
                this.campaigns = null;
                this.modifications = null;
                this.rules = null;
                this.serviceRequests = null;
                this.writes = null;
                this.maintenance = null;
                this.creditCover = null;
            }
        } catch (RuntimeException | Error e) {
            try {
                resources.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Starts everything {@code serve} needs: database, every configured provider.
     *
     * @throws org.secflow.plugin.PluginConfigurationException when a configured provider is missing or refused
     */
    public static Platform forServing(SecflowConfig config, RuntimePaths paths) {
        return new Platform(config, paths, true);
    }

    /** Starts what {@code estate generate} needs: database and the device emulator only. */
    public static Platform forEstate(SecflowConfig config, RuntimePaths paths) {
        return new Platform(config, paths, false);
    }

    private static RuleBase startRules(SecflowConfig config, RuntimePaths paths, Clock clock) {
        RuleBase rules = new RuleBase(paths.rules(), clock, config.rules().decisionLimits(), new RuleSetCases(org.secflow.rules.RuleFeature.installed()));
        if (config.rules().watch()) {
            try {
                rules.watch(config.rules().watchDebounceMs());
            } catch (java.io.IOException e) {
                rules.close();
                throw new IllegalStateException(e);
            } catch (RuntimeException e) {
                rules.close();
                throw e;
            }
        }
        return rules;
    }

    static DatabaseSettings databaseSettings(SecflowConfig config, Path data) {
        SecflowConfig.Database db = config.database();
        if (db.url() == null || db.url().isBlank()) {
            return DatabaseSettings.hsqldbFile(data);
        }
        return new DatabaseSettings(db.url(), db.username(), db.password(), Math.max(1, db.poolSize()));
    }

    public SecflowConfig config() {
        return config;
    }

    public RuntimePaths paths() {
        return paths;
    }

    public Database database() {
        return database;
    }

    public PluginHost plugins() {
        return plugins;
    }

    public InventoryService inventory() {
        return inventory;
    }

    /** Devices kept in memory for SMI reads (disabled on a database other processes share). */
    public SmiReadModel smiReadModel() {
        return smiReadModel;
    }

    public FirmwareImageCatalogue firmwareImages() {
        return firmwareImages;
    }

    /** The rules in service (null for {@code estate generate}). */
    public RuleBase rules() {
        return rules;
    }

    /** The Service Request path (null for {@code estate generate}). */
    public ServiceRequestService serviceRequests() {
        return serviceRequests;
    }

    /** Planned Maintenance schedules and windows (null for {@code estate generate}). */
    public MaintenanceService maintenance() {
        return maintenance;
    }

    /** Credit Cover parties and assessments (null for {@code estate generate}). */
    public CreditCoverService creditCover() {
        return creditCover;
    }

    /** The embedded Camunda engine (null for {@code estate generate}). */
    public WorkflowEngine workflow() {
        return workflow;
    }

    /** Deploys {@code bpmn/} and lists the process definitions (null for {@code estate generate}). */
    public ProcessDeployer processes() {
        return processes;
    }

    /** Firmware campaigns (null for {@code estate generate}). */
    public FirmwareCampaignService campaigns() {
        return campaigns;
    }

    /** SEC modifications and their lifecycle process (null for {@code estate generate}). */
    public org.secflow.modification.ModificationService modifications() {
        return modifications;
    }

    /**
     * The User a bearer token stands for (a static token of {@code users} or an OpenID Connect access token), or null
     * for an unknown static token.
     *
     * @throws org.secflow.problem.UnauthenticatedException when an access token is refused, with the reason
     * @throws org.secflow.server.identity.IdentityProviderUnavailableException when the identity provider's keys
     *         cannot be fetched
     */
    public User userForToken(String token) {
        return identities.userForToken(token);
    }

    /**
     * The process's metrics ({@code GET /api/metrics}), bound on first use: the pool, the plugins' CSP commands, the
     * rules' timings, Service Request decisions, campaign devices and the process engine's jobs.
     */
    public synchronized org.secflow.server.metrics.PlatformMetrics metrics() {
        if (metrics == null) {
            metrics = new org.secflow.server.metrics.PlatformMetrics(database, plugins, rules == null ? null : rules.timings(),
                    serviceRequests == null ? null : serviceRequests.decisionCounts(), campaigns,
                    workflow == null ? null : workflow.engine().getManagementService());
        }
        return metrics;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (metrics != null) {
                metrics.close();
            }
        }
        resources.close();
    }
}
