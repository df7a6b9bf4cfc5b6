package org.secflow.plugins.dspreference;

import java.util.Map;
import org.secflow.spi.DspFactory;
import org.secflow.testkit.DspConformanceTest;

class DspReferenceConformanceTest extends DspConformanceTest {

    @Override
    protected DspFactory factory() {
        return new DspReferenceFactory();
    }

    @Override
    protected Map<String, String> configWithUpdateTimeout(java.time.Duration timeout) {
        return Map.of("updateTimeoutMs", Long.toString(timeout.toMillis()));
    }

    @Override
    protected boolean carriesEverySrv() {
        return true;
    }
}
