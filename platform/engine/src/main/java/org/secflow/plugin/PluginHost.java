package org.secflow.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.Optional;
import java.util.TreeMap;
import org.secflow.spi.CommsHubNetwork;
import org.secflow.spi.Csp;
import org.secflow.spi.CspDirectory;
import org.secflow.spi.CspFactory;
import org.secflow.spi.DeviceEmulator;
import org.secflow.spi.Dsp;
import org.secflow.spi.Provider;
import org.secflow.spi.ProviderFactory;
import org.secflow.spi.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded plugins and the providers configuration chose from them. {@link #start} discovers the plugins
 * directory, refuses what cannot run, checks the {@link ProviderSelection} and creates the chosen providers in
 * dependency order (device emulator, CSPs, DSP). Close it to close the providers and the plugin class loaders.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final List<DiscoveredPlugin> plugins;
    private final Map<String, Provider> created = new LinkedHashMap<>();
    private final Map<Region, Csp> cspByRegion = new EnumMap<>(Region.class);
    private final LongAdder cspCommandsInFlight = new LongAdder();
    private DeviceEmulator deviceEmulator;
    private Dsp dsp;

    private PluginHost(List<DiscoveredPlugin> plugins) {
        this.plugins = plugins;
    }

    /**
     * Loads the plugins of {@code pluginsDir} and creates the selected providers.
     *
     * @throws PluginConfigurationException when a selected provider is missing, cannot serve its region or fails
     *     to initialise; the message names it and the candidates, and everything created so far is closed
     * @throws IllegalArgumentException when the directory does not exist
     */
    public static PluginHost start(Path pluginsDir, ProviderSelection selection, HostServices services) {
        PluginHost host = new PluginHost(PluginLoader.discover(pluginsDir));
        host.refuseDuplicateIds();
        try {
            host.create(selection, services);
        } catch (PluginConfigurationException e) {
            host.close();
            throw e;
        }
        return host;
    }

    /** Every plugin folder with its state, providers and what each provider was selected for. */
    public List<PluginStatus> statuses() {
        return plugins.stream().map(DiscoveredPlugin::status).toList();
    }

    /**
     * Commands sent to the CSPs and not yet past them (no delivery to the hub, device answer or failure yet); a
     * command whose answer never comes stays counted.
     */
    public long cspCommandsInFlight() {
        return cspCommandsInFlight.sum();
    }

    /** The selected DSP, if one was selected. */
    public Optional<Dsp> dsp() {
        return Optional.ofNullable(dsp);
    }

    /** The selected device emulator, if one was selected. */
    public Optional<DeviceEmulator> deviceEmulator() {
        return Optional.ofNullable(deviceEmulator);
    }

    /** The CSPs by region. */
    public CspDirectory csps() {
        return region -> {
            Csp csp = cspByRegion.get(region);
            if (csp == null) {
                throw new IllegalStateException("no CSP is configured for region " + region);
            }
            return csp;
        };
    }

    private void refuseDuplicateIds() {
        Map<String, String> owner = new TreeMap<>();
        for (DiscoveredPlugin p : plugins) {
            if (!p.isLoaded()) {
                continue;
            }
            for (String id : p.factories.keySet()) {
                String first = owner.putIfAbsent(id, p.status().id());
                if (first != null) {
                    LOG.warn("Refused plugin {}: provider id {} is already offered by plugin {}", p.status().id(), id, first);
                    p.refuse("provider id " + id + " is already offered by plugin " + first);
                    break;
                }
            }
        }
    }

    private void create(ProviderSelection selection, HostServices services) {
        CommsHubNetwork network = (command, listener) -> requireEmulator().deliver(command, listener);
        if (selection.deviceEmulator() != null) {
            deviceEmulator = instantiate(ProviderKind.DEVICE_EMULATOR, selection.deviceEmulator(), "deviceEmulator",
                    selection, services, network, DeviceEmulator.class,
                    (d, loader) -> new GuardedProviders.GuardedDeviceEmulator(d, loader));
        }
        Map<String, Csp> cspById = new LinkedHashMap<>();
        for (Map.Entry<Region, String> e : new TreeMap<>(selection.csps()).entrySet()) {
            String purpose = "csp." + e.getKey();
            DiscoveredPlugin owner = find(ProviderKind.CSP, e.getValue(), purpose);
            CspFactory factory = (CspFactory) owner.factories.get(e.getValue());
            if (!factory.supportedRegions().contains(e.getKey())) {
                throw failure("CSP provider '" + e.getValue() + "' configured for region " + e.getKey()
                        + " serves only " + factory.supportedRegions(), null);
            }
            Csp csp = cspById.get(e.getValue());
            if (csp == null) {
                csp = instantiate(ProviderKind.CSP, e.getValue(), purpose, selection, services, network, Csp.class,
                        (c, loader) -> new GuardedProviders.GuardedCsp(c, loader, cspCommandsInFlight));
                cspById.put(e.getValue(), csp);
            } else {
                markSelected(e.getValue(), purpose);
            }
            cspByRegion.put(e.getKey(), csp);
        }
        if (selection.dsp() != null) {
            dsp = instantiate(ProviderKind.DSP, selection.dsp(), "dsp", selection, services, network, Dsp.class,
                    (d, loader) -> new GuardedProviders.GuardedDsp(d, loader));
        }
    }

    private <P extends Provider> P instantiate(ProviderKind kind, String id, String purpose, ProviderSelection selection,
                                               HostServices services, CommsHubNetwork network, Class<P> type,
                                               java.util.function.BiFunction<P, ClassLoader, P> guard) {
        DiscoveredPlugin owner = find(kind, id, purpose);
        ProviderFactory<?> factory = owner.factories.get(id);
        HostProviderContext context = new HostProviderContext(id, selection.configOf(id), services, csps(), network);
        Provider provider;
        try (ContextClassLoader ignored = ContextClassLoader.swap(owner.loader)) {
            provider = factory.create(context);
        } catch (Exception | LinkageError e) {
            String why = "initialisation of provider " + id + " failed: " + PluginLoader.describe(e);
            LOG.error("Refused plugin {}: {}", owner.status().id(), why);
            owner.refuse(why);
            throw failure("configured " + kind + " provider '" + id + "' (" + purpose + ") failed to initialise: "
                    + PluginLoader.describe(e), e);
        }
        if (!type.isInstance(provider)) {
            owner.refuse("provider " + id + " created a " + (provider == null ? "null" : provider.getClass().getName())
                    + ", not a " + type.getSimpleName());
            throw failure("configured " + kind + " provider '" + id + "' did not create a " + type.getSimpleName(), null);
        }
        P guarded = guard.apply(type.cast(provider), owner.loader);
        created.put(id, guarded);
        markSelected(id, purpose);
        LOG.info("Provider {} ({}) serves {}", id, kind, purpose);
        return guarded;
    }

    private DiscoveredPlugin find(ProviderKind kind, String id, String purpose) {
        List<String> candidates = new ArrayList<>();
        for (DiscoveredPlugin p : plugins) {
            if (!p.isLoaded()) {
                continue;
            }
            for (ProviderInfo info : p.status().providers()) {
                if (info.kind() == kind) {
                    candidates.add(info.id());
                    if (info.id().equals(id)) {
                        return p;
                    }
                }
            }
        }
        StringBuilder msg = new StringBuilder("configured " + kind + " provider '" + id + "' (" + purpose
                + ") is not available; candidates: " + candidates);
        for (DiscoveredPlugin p : plugins) {
            if (!p.isLoaded() && (p.status().id().equals(id) || p.status().providers().stream().anyMatch(i -> i.id().equals(id)))) {
                msg.append("; plugin ").append(p.status().id()).append(" was refused: ").append(p.status().reason());
            }
        }
        throw failure(msg.toString(), null);
    }

    private void markSelected(String providerId, String purpose) {
        for (DiscoveredPlugin p : plugins) {
            List<ProviderInfo> infos = new ArrayList<>();
            boolean changed = false;
            for (ProviderInfo i : p.status().providers()) {
                if (i.id().equals(providerId)) {
                    List<String> sel = new ArrayList<>(i.selectedFor());
                    sel.add(purpose);
                    infos.add(new ProviderInfo(i.id(), i.kind(), i.regions(), i.description(), List.copyOf(sel)));
                    changed = true;
                } else {
                    infos.add(i);
                }
            }
            if (changed) {
                p.setStatus(p.status().withProviders(infos));
            }
        }
    }

    private DeviceEmulator requireEmulator() {
        if (deviceEmulator == null) {
            throw new IllegalStateException("no device emulator is configured to act as the Communications Hubs");
        }
        return deviceEmulator;
    }

    private PluginConfigurationException failure(String message, Throwable cause) {
        return new PluginConfigurationException(message, statuses(), cause);
    }

    /** Closes the providers (DSP first) and the plugin class loaders. */
    @Override
    public void close() {
        List<Provider> reverse = new ArrayList<>(created.values());
        java.util.Collections.reverse(reverse);
        for (Provider p : reverse) {
            try {
                p.close();
            } catch (Exception e) {
                LOG.warn("Closing provider failed: {}", PluginLoader.describe(e));
            }
        }
        created.clear();
        plugins.forEach(DiscoveredPlugin::closeLoader);
    }
}
