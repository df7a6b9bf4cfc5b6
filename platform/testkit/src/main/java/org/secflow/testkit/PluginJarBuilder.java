package org.secflow.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.secflow.spi.Plugin;

/**
 * Builds a plugin folder during a test: compiles Java sources against the SPI (and any bundled library), packs
 * them with a {@code META-INF/services/org.secflow.spi.Plugin} entry into a jar, and copies the jar plus the
 * bundled libraries into {@code <pluginsDir>/<folder>/} — the same layout {@code mvn package} makes for real
 * plugins.
 */
public final class PluginJarBuilder {
    private final String folder;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<Path> libraries = new ArrayList<>();
    private String pluginClass;

    private PluginJarBuilder(String folder) {
        this.folder = folder;
    }

    /** A builder for the plugin folder {@code folder}. */
    public static PluginJarBuilder plugin(String folder) {
        return new PluginJarBuilder(folder);
    }

    /**
     * A fixture of this testkit: every {@code .java} resource listed in {@code fixtures/<name>/sources.txt}.
     *
     * @param name fixture name: {@code isolated-library}, {@code incompatible-spi}, {@code failing-init} or
     *     {@code integrator-csp} (a CSP written against the SPI alone that stamps the events it carries)
     */
    public static PluginJarBuilder fixture(String name) {
        PluginJarBuilder b = plugin(name);
        String index = resource("fixtures/" + name + "/sources.txt");
        for (String line : index.split("\n")) {
            String cls = line.trim();
            if (!cls.isEmpty()) {
                b.source(cls, resource("fixtures/" + name + "/" + cls.substring(cls.lastIndexOf('.') + 1) + ".java"));
            }
        }
        return b;
    }

    /** Adds a source; {@code className} is fully qualified. The first class implementing Plugin must be named with {@link #entryPoint}. */
    public PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Names the {@link Plugin} implementation listed in META-INF/services. */
    public PluginJarBuilder entryPoint(String className) {
        this.pluginClass = className;
        return this;
    }

    /** Bundles a library jar: on the compile class path and copied into the plugin folder. */
    public PluginJarBuilder library(Path jar) {
        libraries.add(jar);
        return this;
    }

    /**
     * Compiles and writes the folder.
     *
     * @return the plugin folder
     * @throws IllegalStateException with the compiler's output when compilation fails
     */
    public Path buildInto(Path pluginsDir) throws IOException {
        String entry = pluginClass != null ? pluginClass
                : sources.entrySet().stream().filter(e -> e.getValue().contains("implements Plugin"))
                        .map(Map.Entry::getKey).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no source implements Plugin; name one with entryPoint"));
        Path work = Files.createTempDirectory("plugin-build-");
        Path src = work.resolve("src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f.toString());
        }
        StringBuilder cp = new StringBuilder(spiLocation().toString());
        libraries.forEach(l -> cp.append(java.io.File.pathSeparator).append(l));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-classpath", cp.toString(), "-d", classes.toString()));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int rc = javac.run(null, null, new OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("fixture plugin " + folder + " does not compile:\n" + errors);
        }
        Path dir = Files.createDirectories(pluginsDir.resolve(folder));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve(folder + ".jar")));
             Stream<Path> walk = Files.walk(classes)) {
            jar.putNextEntry(new JarEntry("META-INF/services/" + Plugin.class.getName()));
            jar.write((entry + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            for (Path c : walk.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(c));
                jar.closeEntry();
            }
        }
        for (Path lib : libraries) {
            Files.copy(lib, dir.resolve(lib.getFileName()));
        }
        return dir;
    }

    private static Path spiLocation() {
        try {
            return Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = PluginJarBuilder.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no testkit resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
