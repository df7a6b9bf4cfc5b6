package org.secflow.plugin;

/** The extension points of the SPI. */
public enum ProviderKind {
    DSP, CSP, DEVICE_EMULATOR
}
