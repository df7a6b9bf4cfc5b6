package org.secflow.plugin;

/**
 * Sets the thread context class loader for a block and restores it (try-with-resources). Every call into plugin
 * code runs with the plugin's loader, every call back into the host with the host's.
 */
public final class ContextClassLoader implements AutoCloseable {
    private final Thread thread = Thread.currentThread();
    private final ClassLoader previous;

    private ContextClassLoader(ClassLoader loader) {
        previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
    }

    /** Swaps to {@code loader} until {@link #close()}. */
    public static ContextClassLoader swap(ClassLoader loader) {
        return new ContextClassLoader(loader);
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
