package org.secflow.plugins.dspreference;

import java.util.TreeSet;
import org.secflow.spi.Dsp;
import org.secflow.spi.DspFactory;
import org.secflow.spi.ProviderContext;

/**
 * Factory of the reference DSP, id {@code dsp-reference}. It takes no configuration: any key under
 * {@code plugins.config.dsp-reference} refuses the plugin rather than being ignored.
 */
public final class DspReferenceFactory implements DspFactory {
    /** The id configuration selects. */
    public static final String ID = "dsp-reference";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Reference DSP: SRV " + SupportedSrv.summary() + "; one firmware update in progress per device";
    }

    /**
     * Creates the DSP over the host's inventory, CSP directory and clock.
     *
     * @throws IllegalArgumentException when the configuration has any key
     */
    @Override
    public Dsp create(ProviderContext context) {
        if (!context.config().isEmpty()) {
            throw new IllegalArgumentException(ID + " takes no configuration keys, got "
                    + new TreeSet<>(context.config().keySet()));
        }
        return new ReferenceDsp(context.inventory(), context.csps());
    }
}
