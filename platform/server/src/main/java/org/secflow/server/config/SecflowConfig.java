package org.secflow.server.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.plugin.ProviderSelection;
import org.secflow.spi.Region;

/**
 * The configuration file ({@code conf/secflow.yaml} of the distribution; see the README for every key).
 * Unknown keys are refused, so that a typo stops start-up instead of being ignored.
 *
 * @param database database connection; a null url means the embedded HSQLDB file in the data directory
 * @param plugins which provider serves what, and each provider's configuration
 * @param rules rule loading: whether a file watcher reloads on change
 * @param estate parties an estate is registered to
 * @param demo size and seed of the {@code --demo} estate
 * @param users static bearer tokens (hashed, or plain for demos) and the Users they stand for
 * @param modifications the SEC modification lifecycle: appeal window length
 * @param oidc OpenID Connect access tokens from an identity provider, or null for static tokens only
 * @param campaigns limits of firmware campaigns
 * @param serviceRequests limits of the Service Request path
 */
public record SecflowConfig(Database database, Plugins plugins, Rules rules, Estate estate, Demo demo, List<UserEntry> users,
                            Modifications modifications, OidcConfig oidc, Campaigns campaigns, ServiceRequests serviceRequests) {

    public SecflowConfig {
        database = database == null ? new Database(null, null, null, 16) : database;
        plugins = plugins == null ? new Plugins(null, null, null, null) : plugins;
        rules = rules == null ? new Rules(false, 300) : rules;
        estate = estate == null ? new Estate(List.of("SUPPLIER-A"), List.of("SUPPLIER-A"), List.of()) : estate;
        demo = demo == null ? new Demo(2000, 42) : demo;
        users = users == null ? List.of() : List.copyOf(users);
        modifications = modifications == null ? new Modifications(Modifications.DEFAULT_APPEAL_WINDOW_WORKING_DAYS) : modifications;
        campaigns = campaigns == null ? new Campaigns(null) : campaigns;
        serviceRequests = serviceRequests == null ? new ServiceRequests(null) : serviceRequests;
    }

    /** The configuration without a {@code serviceRequests} section (its defaults apply). */
    public SecflowConfig(Database database, Plugins plugins, Rules rules, Estate estate, Demo demo, List<UserEntry> users,
                         Modifications modifications, OidcConfig oidc, Campaigns campaigns) {
        this(database, plugins, rules, estate, demo, users, modifications, oidc, campaigns, null);
    }

    /**
     * The Service Request path.
     *
     * @param maxRecordingLagMs how far behind (ms) the DSP's device events may be recorded before Service Requests for
     *        the DSP are answered 503 with {@code Retry-After} instead of accepted (default
     *        {@value #DEFAULT_MAX_RECORDING_LAG_MS}; at least 1). It keeps the accepted rate at what the store can
     *        record: past it, a request's state would fall ever further behind what its device did
     */
    public record ServiceRequests(Integer maxRecordingLagMs) {
        public static final int DEFAULT_MAX_RECORDING_LAG_MS = 5_000;

        public ServiceRequests {
            maxRecordingLagMs = maxRecordingLagMs == null ? DEFAULT_MAX_RECORDING_LAG_MS : maxRecordingLagMs;
            if (maxRecordingLagMs < 1) {
                throw new IllegalArgumentException("serviceRequests.maxRecordingLagMs must be at least 1, was " + maxRecordingLagMs);
            }
        }
    }

    /** The configuration without a {@code campaigns} section (its defaults apply). */
    public SecflowConfig(Database database, Plugins plugins, Rules rules, Estate estate, Demo demo, List<UserEntry> users,
                         Modifications modifications, OidcConfig oidc) {
        this(database, plugins, rules, estate, demo, users, modifications, oidc, null);
    }

    /**
     * Firmware campaigns.
     *
     * @param maxActivePerSupplier campaigns one Supplier party may have not yet completed or cancelled at once
     *        (default 10; at least 1): a limit on what one party can load on the DSP and CSPs
     */
    public record Campaigns(Integer maxActivePerSupplier) {
        public Campaigns {
            maxActivePerSupplier = maxActivePerSupplier == null
                    ? org.secflow.campaign.FirmwareCampaignService.DEFAULT_MAX_ACTIVE_PER_SUPPLIER : maxActivePerSupplier;
            if (maxActivePerSupplier < 1) {
                throw new IllegalArgumentException("campaigns.maxActivePerSupplier must be at least 1, was " + maxActivePerSupplier);
            }
        }
    }

    /** The configuration without an {@code oidc} section (static tokens only). */
    public SecflowConfig(Database database, Plugins plugins, Rules rules, Estate estate, Demo demo, List<UserEntry> users,
                         Modifications modifications) {
        this(database, plugins, rules, estate, demo, users, modifications, null);
    }

    /** The configuration without {@code modifications} (its defaults apply) and {@code oidc} sections. */
    public SecflowConfig(Database database, Plugins plugins, Rules rules, Estate estate, Demo demo, List<UserEntry> users) {
        this(database, plugins, rules, estate, demo, users, null, null);
    }

    /**
     * The SEC modification lifecycle (bpmn/modification-lifecycle.bpmn).
     *
     * @param appealWindowWorkingDays Working Days after a Self-Governance decision during which it may be appealed to
     *        the Authority; default 10: SEC Panel paper, December 2020, MP139 section 6 'Implementation approach':
     *        "implemented one working day after the Change Board vote (if approved). This would be before
     *        the 10 working day Self-Governance decision referral window closes"
     */
    public record Modifications(int appealWindowWorkingDays) {
        public static final int DEFAULT_APPEAL_WINDOW_WORKING_DAYS = 10;

        public Modifications {
            if (appealWindowWorkingDays < 1) {
                throw new IllegalArgumentException("modifications.appealWindowWorkingDays must be at least 1: " + appealWindowWorkingDays);
            }
        }
    }

    /**
     * @param url JDBC URL, or null for the embedded HSQLDB file of the data folder
     * @param username user
     * @param password password
     * @param poolSize connections
     * @param smiReadModelDevices devices the SMI read model keeps in memory for Service Request decisions and SRV 8.2
     *        (about 700 bytes each); 0 keeps none; null gives {@value #DEFAULT_SMI_READ_MODEL_DEVICES}. On
     *        PostgreSQL, which other secflow processes may write too, each process forgets the devices the others
     *        change when the database announces the commit ({@code org.secflow.inventory.SmiReadModel},
     *        {@code SmiChangeListener})
     */
    public record Database(String url, String username, String password, int poolSize, Integer smiReadModelDevices) {
        public static final int DEFAULT_SMI_READ_MODEL_DEVICES = 100_000;

        public Database {
            smiReadModelDevices = smiReadModelDevices == null ? DEFAULT_SMI_READ_MODEL_DEVICES : smiReadModelDevices;
            if (smiReadModelDevices < 0) {
                throw new IllegalArgumentException("database.smiReadModelDevices must be 0 or more: " + smiReadModelDevices);
            }
        }

        /** Without {@code smiReadModelDevices} (its default applies). */
        public Database(String url, String username, String password, int poolSize) {
            this(url, username, password, poolSize, null);
        }
    }

    /**
     * @param dsp DSP provider id
     * @param csp CSP provider id per region
     * @param deviceEmulator device emulator provider id
     * @param config per provider id, its keys and values
     */
    public record Plugins(String dsp, Map<Region, String> csp, String deviceEmulator, Map<String, Map<String, String>> config) {

        /** As the plugin host takes it; {@code withServiceProviders} false leaves out DSP and CSPs. */
        public ProviderSelection selection(boolean withServiceProviders) {
            return new ProviderSelection(withServiceProviders ? dsp : null,
                    withServiceProviders && csp != null && !csp.isEmpty() ? new EnumMap<>(csp) : Map.of(), deviceEmulator, config);
        }
    }

    /**
     * Rule loading and the limits of every decision.
     *
     * @param watch reload when a file of the rules directory changes
     * @param watchDebounceMs wait after a change (ms)
     * @param maxFirings rule firings one decision may make before it is refused as a rule fault (default 1,000)
     * @param decisionBudgetMs time one decision may take before it is refused as a rule fault (ms, default 1,000)
     */
    public record Rules(boolean watch, long watchDebounceMs, Integer maxFirings, Long decisionBudgetMs) {
        public Rules {
            maxFirings = maxFirings == null ? org.secflow.rules.DecisionLimits.DEFAULT_MAX_FIRINGS : maxFirings;
            decisionBudgetMs = decisionBudgetMs == null ? org.secflow.rules.DecisionLimits.DEFAULT_BUDGET_MS : decisionBudgetMs;
            limits(maxFirings, decisionBudgetMs); // refuses values below 1 at start-up
        }

        /** Watching as given, the default limits. */
        public Rules(boolean watch, long watchDebounceMs) {
            this(watch, watchDebounceMs, null, null);
        }

        /** The limits every decision runs within. */
        public org.secflow.rules.DecisionLimits decisionLimits() {
            return limits(maxFirings, decisionBudgetMs);
        }

        private static org.secflow.rules.DecisionLimits limits(int maxFirings, long budgetMs) {
            return new org.secflow.rules.DecisionLimits(maxFirings, budgetMs);
        }
    }

    /**
     * Parties an estate's premises are registered to (round the estate, deterministically for a seed).
     *
     * @param importSuppliers Import Supplier parties (for the Import MPAN)
     * @param gasSuppliers Gas Supplier parties (for the MPRN)
     * @param exportSuppliers Export Supplier parties (for the Export MPAN of the premises that export); absent or
     *     empty = no Export Supplier is registered
     */
    public record Estate(List<String> importSuppliers, List<String> gasSuppliers, List<String> exportSuppliers) {
        public Estate {
            exportSuppliers = exportSuppliers == null ? List.of() : List.copyOf(exportSuppliers);
        }

        /** Without Export Suppliers. */
        public Estate(List<String> importSuppliers, List<String> gasSuppliers) {
            this(importSuppliers, gasSuppliers, List.of());
        }
    }

    /** @param premises premises of the demo estate; @param seed its seed */
    public record Demo(int premises, long seed) {
    }

    /**
     * A User of a static bearer token. Exactly one of {@code tokenHash} and {@code token} is given (checked at
     * start-up by {@code org.secflow.server.identity.StaticTokens}).
     *
     * @param token the bearer token in plain text: for demos and tests only, since anyone who reads the file can use it
     * @param userId DCC User ID
     * @param name display name
     * @param party SEC Party
     * @param dccUserRoles DCC User Roles
     * @param platformRoles secflow roles
     * @param groups process groups (BPMN candidate groups, bpmn/README.md) whose user tasks the User may complete
     * @param tokenHash the salted hash of the bearer token, {@code sha256$<token id>$<salt>$<hash>}, as
     *        {@code secflow users token} prints it ({@code org.secflow.server.identity.TokenHash})
     */
    public record UserEntry(String token, String userId, String name, String party, List<DccUserRole> dccUserRoles,
                            List<PlatformRole> platformRoles, List<String> groups, String tokenHash) {

        /** A User of a plain-text token. */
        public UserEntry(String token, String userId, String name, String party, List<DccUserRole> dccUserRoles,
                         List<PlatformRole> platformRoles, List<String> groups) {
            this(token, userId, name, party, dccUserRoles, platformRoles, groups, null);
        }

        /** A User in no process group. */
        public UserEntry(String token, String userId, String name, String party, List<DccUserRole> dccUserRoles,
                         List<PlatformRole> platformRoles) {
            this(token, userId, name, party, dccUserRoles, platformRoles, null);
        }
    }

    private static ObjectMapper yaml() {
        return org.secflow.json.JsonMappers.yaml();
    }

    /**
     * Reads a configuration file.
     *
     * @throws IllegalArgumentException naming the file and the problem when it cannot be read
     */
    public static SecflowConfig read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return yaml().readValue(in, SecflowConfig.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            // a value a section refuses (its compact constructor names the key and the rule): say that, not Jackson's text
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new IllegalArgumentException("cannot read configuration " + file + ": " + cause.getMessage() + where, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration " + file + ": " + e.getMessage(), e);
        }
    }

    /** The configuration built into the server jar (the same content as the distribution's conf/secflow.yaml). */
    public static SecflowConfig builtIn() {
        try (InputStream in = SecflowConfig.class.getResourceAsStream("/secflow.yaml")) {
            return yaml().readValue(in, SecflowConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException("built-in configuration is unreadable", e);
        }
    }
}
