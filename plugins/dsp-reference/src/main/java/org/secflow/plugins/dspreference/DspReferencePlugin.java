package org.secflow.plugins.dspreference;

import java.util.List;
import org.secflow.spi.DspFactory;
import org.secflow.spi.Plugin;
import org.secflow.spi.SpiVersion;

/**
 * The reference Data Service Provider plugin: one {@link DspFactory}, {@link DspReferenceFactory}, carrying every SRV
 * of the DUIS Service Request matrix (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1 for the firmware flow). Found by
 * {@link java.util.ServiceLoader} through {@code META-INF/services/org.secflow.spi.Plugin}.
 */
public final class DspReferencePlugin implements Plugin {

    @Override
    public String id() {
        return "dsp-reference";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<DspFactory> dspFactories() {
        return List.of(new DspReferenceFactory());
    }
}
