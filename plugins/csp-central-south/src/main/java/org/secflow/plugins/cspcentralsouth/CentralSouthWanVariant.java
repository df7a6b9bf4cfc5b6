package org.secflow.plugins.cspcentralsouth;

import java.util.Locale;

/**
 * Communications Hub WAN Variants of the CSP South and Central, as SRV 12.1 Request WAN Matrix returns them (SEC
 * Appendix I CHISM Annex E Table 3, quoted in SEC Panel paper, December 2020, MP106, "CHISM update for Unknown WAN Variant").
 *
 * <p>When the CSP South and Central can confirm an Availability Date but not the WAN Variant, the DSP returns
 * {@code " "} (a space); MP106 tells Users to read it as "Unknown" (SEC Panel paper, December 2020, MP106 sections 1 and 3 and the
 * amended Annex E3). The CSP North never returns it (SEC Panel paper, December 2020, MP106 section 2).
 */
enum CentralSouthWanVariant {
    CELLULAR("Cellular"),
    CELLULAR_MESH("Cellular+Mesh"),
    /** Coverage has an Availability Date but the WAN Variant is not confirmed. */
    UNKNOWN("Unknown");

    private final String label;

    CentralSouthWanVariant(String label) {
        this.label = label;
    }

    /** The value as Table 3 writes it, e.g. {@code Cellular+Mesh}; "Unknown" for the space. */
    String label() {
        return label;
    }

    /**
     * Reads a WAN Variant of an SRV 12.1 response. A value of spaces only (the PDF copies show one or two) is
     * {@link #UNKNOWN}, as is the word {@code Unknown} the CSP may send after MP106; labels match ignoring case.
     *
     * @throws IllegalArgumentException for null, the empty string or a value of another CSP (e.g. {@code 420})
     */
    static CentralSouthWanVariant read(String value) {
        if (value != null && !value.isEmpty() && value.isBlank()) {
            return UNKNOWN;
        }
        if (value != null) {
            for (CentralSouthWanVariant variant : values()) {
                if (variant.label.toLowerCase(Locale.ROOT).equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return variant;
                }
            }
        }
        throw new IllegalArgumentException("'" + value + "' is no WAN Variant of the CSP South and Central;"
                + " expected Cellular, Cellular+Mesh, Unknown or ' ' (read as Unknown, MP106)");
    }
}
