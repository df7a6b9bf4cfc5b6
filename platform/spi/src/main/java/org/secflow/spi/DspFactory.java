package org.secflow.spi;

/** Factory of a Data Service Provider; selected by {@code plugins.dsp} in the configuration. */
public interface DspFactory extends ProviderFactory<Dsp> {
}
