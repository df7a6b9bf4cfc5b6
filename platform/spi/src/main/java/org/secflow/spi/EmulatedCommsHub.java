package org.secflow.spi;

import java.util.Objects;

/**
 * The Communications Hub of an emulated premises.
 *
 * @param chf its Communications Hub Function (the hub's Device ID)
 * @param gpf its Gas Proxy Function
 * @param chtsVersion Communications Hub Technical Specification version, e.g. {@code 1.0}
 * @param gbcsVersion GBCS version, e.g. {@code 2.0}
 */
public record EmulatedCommsHub(EmulatedDevice chf, EmulatedDevice gpf, String chtsVersion, String gbcsVersion) {
    public EmulatedCommsHub {
        Objects.requireNonNull(chf, "chf");
        if (chf.type() != DeviceType.CHF || (gpf != null && gpf.type() != DeviceType.GPF)) {
            throw new IllegalArgumentException("a hub is a CHF and a GPF");
        }
    }
}
