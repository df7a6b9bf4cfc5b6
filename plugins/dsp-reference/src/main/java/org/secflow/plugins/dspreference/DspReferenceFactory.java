package org.secflow.plugins.dspreference;

import java.util.TreeSet;
import org.secflow.spi.Dsp;
import org.secflow.spi.DspFactory;
import org.secflow.spi.ProviderContext;

/**
 * Factory of the reference DSP, id {@code dsp-reference}. One configuration key under
 * {@code plugins.config.dsp-reference}: {@value #UPDATE_TIMEOUT_MS}, how long an SRV 11.4 whose device never sends
 * its final event (0x8F89, 0x8F8B, or FAILED) blocks the next update of that device, in ms of the host clock, 1 to
 * one week, default {@value #DEFAULT_UPDATE_TIMEOUT_MS} (24 hours; an assumption, our sources give no figure). Any
 * other key, or a bad value, refuses the plugin rather than being ignored. The DCC schedules of SRV 5.1 are kept in
 * the provider's data folder ({@code <data>/plugins/dsp-reference/dcc-schedules.tsv}) when the host gives one.
 */
public final class DspReferenceFactory implements DspFactory {
    /** The id configuration selects. */
    public static final String ID = "dsp-reference";
    /** The configuration key of the update timeout. */
    public static final String UPDATE_TIMEOUT_MS = "updateTimeoutMs";
    /** Default update timeout, ms (24 hours). */
    public static final long DEFAULT_UPDATE_TIMEOUT_MS = 86_400_000;
    private static final long MAX_UPDATE_TIMEOUT_MS = 7L * 86_400_000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Reference DSP: every SRV of the DUIS Service Request matrix (table srv-routes.csv); one firmware"
                + " update in progress per device";
    }

    /**
     * Creates the DSP over the host's inventory, CSP directory and clock.
     *
     * @throws IllegalArgumentException naming the key, for an unknown key or an update timeout out of range
     */
    @Override
    public Dsp create(ProviderContext context) {
        TreeSet<String> unknown = new TreeSet<>(context.config().keySet());
        unknown.remove(UPDATE_TIMEOUT_MS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(ID + " does not know configuration keys " + unknown
                    + "; it knows [" + UPDATE_TIMEOUT_MS + "]");
        }
        String text = context.config(UPDATE_TIMEOUT_MS, Long.toString(DEFAULT_UPDATE_TIMEOUT_MS));
        long timeoutMs;
        try {
            timeoutMs = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ID + " " + UPDATE_TIMEOUT_MS + " must be a whole number of ms, got '"
                    + text + "'", e);
        }
        if (timeoutMs < 1 || timeoutMs > MAX_UPDATE_TIMEOUT_MS) {
            throw new IllegalArgumentException(ID + " " + UPDATE_TIMEOUT_MS + " must be 1.." + MAX_UPDATE_TIMEOUT_MS
                    + " ms, got " + timeoutMs);
        }
        return new ReferenceDsp(SrvCatalogue.standard(), context.inventory(), context.csps(), context.clock(),
                context.scheduler(), timeoutMs, context.dataDirectory().orElse(null));
    }
}
