package org.secflow.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Class loader of one plugin folder (the pattern of Trino's plugin loader): its parent is the
 * <em>platform</em> class loader (JDK only); the SPI package and slf4j come from the host; every other class and
 * resource is looked up in the plugin's own jars first. A plugin can so carry its own version of a library the
 * platform also uses.
 */
public final class PluginClassLoader extends URLClassLoader {
    /** Packages that plugins share with the host: the contract and the logging API. */
    static final List<String> HOST_PACKAGES = List.of("org.secflow.spi.", "org.slf4j.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader host;

    /**
     * @param name plugin folder name, shown in stack traces
     * @param jars the folder's jars
     * @param host the loader that has the SPI and slf4j (the platform's application loader)
     */
    public PluginClassLoader(String name, URL[] jars, ClassLoader host) {
        super(name, jars, ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    static boolean isHostClass(String name) {
        for (String p : HOST_PACKAGES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isHostClass(name)) {
            return host.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (name.startsWith("java.")) {
                    c = getParent().loadClass(name);
                } else {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = getParent().loadClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }
}
