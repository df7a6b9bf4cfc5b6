package org.secflow.plugins.dspreference;

import org.secflow.spi.DspFactory;
import org.secflow.testkit.DspConformanceTest;

class DspReferenceConformanceTest extends DspConformanceTest {

    @Override
    protected DspFactory factory() {
        return new DspReferenceFactory();
    }
}
