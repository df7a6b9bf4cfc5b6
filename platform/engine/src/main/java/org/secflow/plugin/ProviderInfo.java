package org.secflow.plugin;

import java.util.List;
import org.secflow.spi.Region;

/**
 * A provider a plugin offers.
 *
 * @param id factory id configuration selects
 * @param kind extension point
 * @param regions regions it can serve (CSPs), in order; empty otherwise
 * @param description the factory's one-line description
 * @param selectedFor what configuration selected it for, e.g. {@code [dsp]} or {@code [csp.CENTRAL, csp.SOUTH]}; empty when unused
 */
public record ProviderInfo(String id, ProviderKind kind, List<Region> regions, String description, List<String> selectedFor) {
}
