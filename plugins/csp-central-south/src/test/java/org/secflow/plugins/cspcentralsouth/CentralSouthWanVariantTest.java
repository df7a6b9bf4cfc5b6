package org.secflow.plugins.cspcentralsouth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SEC Panel paper, December 2020, MP106: the CSP South and Central's WAN Variant " " (a space) is read as Unknown. */
class CentralSouthWanVariantTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "Cellular|CELLULAR",
        "Cellular+Mesh|CELLULAR_MESH",
        "cellular+mesh|CELLULAR_MESH",
        " |UNKNOWN",
        "  |UNKNOWN",
        "Unknown|UNKNOWN",
    })
    void readsTheWanVariantsOfTable3(String value, CentralSouthWanVariant expected) {
        assertThat(CentralSouthWanVariant.read(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "420", "450", "No Coverage Intended"})
    void refusesAValueThatIsNotACentralOrSouthWanVariant(String value) {
        assertThatThrownBy(() -> CentralSouthWanVariant.read(value))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + value + "'");
    }

    @Test
    void labelsASpaceUnknown() {
        assertThat(CentralSouthWanVariant.read(" ").label()).isEqualTo("Unknown");
    }
}
