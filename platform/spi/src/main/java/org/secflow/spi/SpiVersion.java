package org.secflow.spi;

/**
 * Version of this plugin contract, {@code major.minor}.
 *
 * <p>A plugin reports the version it was compiled against from {@link Plugin#spiVersion()} by returning
 * {@link #CURRENT}; being a compile-time constant it is inlined into the plugin's bytecode, so the value is the
 * one of the SPI jar the plugin was built with. The host accepts a plugin built for the same major and the same
 * or an older minor, and refuses every other with the reason from {@link #incompatibility(String)}.
 */
public final class SpiVersion {
    /** The contract version of this SPI jar. */
    public static final String CURRENT = "1.2";

    private SpiVersion() {
    }

    /**
     * Why a plugin built for {@code pluginVersion} cannot run on this host, or {@code null} when it can.
     *
     * @param pluginVersion the value of {@link Plugin#spiVersion()}, e.g. {@code "1.0"}; may be null
     * @return a sentence naming both versions, or null when compatible
     */
    public static String incompatibility(String pluginVersion) {
        int[] host = parse(CURRENT);
        int[] plugin = pluginVersion == null ? null : parse(pluginVersion);
        if (plugin == null) {
            return "declares SPI version '" + pluginVersion + "', which is not major.minor; host SPI is " + CURRENT;
        }
        if (plugin[0] != host[0]) {
            return "built for SPI " + pluginVersion + ", host SPI is " + CURRENT + " (major versions differ)";
        }
        if (plugin[1] > host[1]) {
            return "built for SPI " + pluginVersion + ", newer than host SPI " + CURRENT;
        }
        return null;
    }

    private static int[] parse(String version) {
        String[] parts = version.trim().split("\\.");
        if (parts.length != 2) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
