package org.secflow.plugins.cspnorth;

import java.util.Map;
import org.secflow.spi.CspFactory;
import org.secflow.testkit.CspConformanceTest;

class CspNorthConformanceTest extends CspConformanceTest {

    @Override
    protected CspFactory factory() {
        return new CspNorthFactory();
    }

    @Override
    protected Map<String, String> config() {
        return Map.of("latencyMs", "5");
    }

    @Override
    protected Map<String, String> configFailingEveryDelivery() {
        return Map.of("failureRate", "1");
    }

    @Override
    protected Map<String, String> configLimitingConcurrency(int maxConcurrent, java.time.Duration slotTimeout) {
        return Map.of("maxConcurrent", Integer.toString(maxConcurrent),
                "slotTimeoutMs", Long.toString(slotTimeout.toMillis()));
    }

    @Override
    protected java.util.Set<String> wanVariants() {
        return java.util.Set.of("420", "450");
    }
}
