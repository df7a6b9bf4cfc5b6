package org.secflow.spi;

/** A provider created by a {@link ProviderFactory}. Closed by the host at shutdown or on refusal. */
public interface Provider extends AutoCloseable {

    /** Releases threads and resources. Must not throw for a provider that is already closed. */
    @Override
    default void close() {
    }
}
