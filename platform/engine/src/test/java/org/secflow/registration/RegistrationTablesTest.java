package org.secflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.rules.RealRules;
import org.secflow.spi.Region;

/** The registration tables of the real rules directory, and the refusal of broken copies. */
class RegistrationTablesTest {
    private final RegistrationTables real = RegistrationTables.load(RealRules.dir());

    @Test
    void mapsTheFourteenGbDistributorIdsToTheirEdParties() {
        assertThat(real.distributors()).extracting(ElectricityDistributor::distributorId)
                .containsExactly("10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23");
        assertThat(real.edPartyOf("1500000000015")).contains("DNO-NORTH");
        assertThat(real.edPartyOf("1200000000011")).contains("DNO-SOUTH");
        assertThat(real.edPartyOf("9900000000014")).isEmpty();
        assertThat(real.edPartyOf(null)).isEmpty();
        assertThat(real.distributorIdsOf("DNO-NORTH")).containsExactlyInAnyOrder("15", "16", "17", "18", "23");
        assertThat(real.distributorIdsOf("NOBODY")).isEmpty();
        assertThat(real.distributes("DNO-NORTH", "2300000000019")).isTrue();
        assertThat(real.distributes("DNO-NORTH", "1200000000011")).isFalse();
    }

    @Test
    void givesEveryDistributorIdToTheRegionWhoseEdPartyHasIt() {
        for (Region region : Region.values()) {
            assertThat(real.distributorIdsIn(region)).isNotEmpty()
                    .allSatisfy(id -> assertThat(real.edPartyOf(id + "00000000000")).contains("DNO-" + region.name()));
        }
    }

    @Test
    void findsTheGasNetworkAndGasTransporterOfAnMprnByRange() {
        assertThat(real.gtPartyOf("1234567890")).contains("GDN-NORTH");
        assertThat(real.gasNetworkOf("1234567890")).map(GasNetwork::networkId).contains("SCOTLAND");
        assertThat(real.gtPartyOf("8123456789")).contains("GDN-SOUTH");
        assertThat(real.gtPartyOf("123456")).isEmpty();
        assertThat(real.gtPartyOf("12A4567890")).isEmpty();
        assertThat(real.gasNetworksOf("GDN-CENTRAL")).containsExactlyInAnyOrder("WEST-MIDLANDS", "EAST-OF-ENGLAND", "WALES-AND-WEST");
        assertThat(real.transports("GDN-NORTH", "8123456789")).isFalse();
    }

    @Test
    void judgesAppointmentsBySupplierFuelMeterPointAndDayInclusive() {
        LocalDate day = LocalDate.of(2025, 6, 2);
        assertThat(real.appointed("MOP-A", "SUPPLIER-A", Fuel.ELECTRICITY, "1500000000015", day)).isTrue();
        assertThat(real.appointed("MOP-A", "SUPPLIER-A", Fuel.GAS, "1234567890", day)).isFalse();
        assertThat(real.appointed("MOP-A", "SUPPLIER-B", Fuel.ELECTRICITY, "1500000000015", day)).isFalse();
        assertThat(real.appointed("MOP-C", "SUPPLIER-C", Fuel.ELECTRICITY, "1200000000011", LocalDate.of(2023, 12, 31))).isTrue();
        assertThat(real.appointed("MOP-C", "SUPPLIER-C", Fuel.ELECTRICITY, "1200000000011", LocalDate.of(2024, 1, 1))).isFalse();
        assertThat(real.appointed("AGENT-X", "SUPPLIER-A", Fuel.ELECTRICITY, "1500000000024", day)).isTrue();
        assertThat(real.appointed("AGENT-X", "SUPPLIER-A", Fuel.ELECTRICITY, "1500000000015", day)).isFalse();
        assertThat(real.appointed("AGENT-ALL", "SUPPLIER-D", Fuel.GAS, "8123456789", day)).isTrue();
        assertThat(real.appointed("MOP-A", "SUPPLIER-A", Fuel.ELECTRICITY, "1500000000015", null)).isFalse();
    }

    @Test
    void judgesConsentsByMeterPointAndDay() {
        assertThat(real.consented("OU-ENERGY-APP", "1500000000015", LocalDate.of(2025, 6, 2))).isTrue();
        assertThat(real.consented("OU-ENERGY-APP", "1234567890", LocalDate.of(2024, 12, 31))).isTrue();
        assertThat(real.consented("OU-ENERGY-APP", "1234567890", LocalDate.of(2025, 1, 1))).isFalse();
        assertThat(real.consented("OU-OTHER", "1500000000015", LocalDate.of(2025, 6, 2))).isFalse();
    }

    @Test
    void everyRowCitesASourceOrSaysItIsNotFromOne() {
        List<String> sources = new java.util.ArrayList<>();
        real.distributors().forEach(d -> sources.add(d.source()));
        real.gasNetworks().forEach(n -> sources.add(n.source()));
        real.appointments().forEach(a -> sources.add(a.source()));
        real.consents().forEach(c -> sources.add(c.source()));
        assertThat(sources).isNotEmpty().allSatisfy(s -> assertThat(s).matches("(?s).*(Elexon|not from a source).*"));
    }

    @Test
    void refusesAMissingTableNamingIt(@TempDir Path dir) throws IOException {
        copy(dir);
        Files.delete(dir.resolve(RegistrationTables.OU_CONSENTS));
        assertThatThrownBy(() -> RegistrationTables.load(dir)).isInstanceOfSatisfying(RegistrationTableException.class, e -> {
            assertThat(e.file()).isEqualTo("ou-consents.csv");
            assertThat(e.getMessage()).contains("missing");
        });
    }

    @Test
    void refusesABadMeterPointWithFileAndLine(@TempDir Path dir) throws IOException {
        copy(dir);
        Path f = dir.resolve(RegistrationTables.OU_CONSENTS);
        String text = Files.readString(f);
        Files.writeString(f, text.replace("OU-ENERGY-APP,1500000000015,", "OU-ENERGY-APP,1500000000016,"));
        int line = text.lines().toList().indexOf(text.lines().filter(l -> l.startsWith("OU-ENERGY-APP,1500000000015,"))
                .findFirst().orElseThrow()) + 1;
        assertThatThrownBy(() -> RegistrationTables.load(dir)).isInstanceOfSatisfying(RegistrationTableException.class, e -> {
            assertThat(e.getMessage()).startsWith("ou-consents.csv:" + line + ": column meter_point is '1500000000016'");
            assertThat(e.line()).isEqualTo(line);
        });
    }

    @Test
    void refusesOverlappingMprnRangesAndDuplicateDistributorIds(@TempDir Path dir) throws IOException {
        copy(dir);
        Path gas = dir.resolve(RegistrationTables.GAS_NETWORKS);
        Files.writeString(gas, Files.readString(gas) + "EXTRA,GDN-X,extra,,1500000000,1500000001,not from a source (test)\n");
        assertThatThrownBy(() -> RegistrationTables.load(dir)).isInstanceOf(RegistrationTableException.class)
                .hasMessageContaining("gas-networks.csv").hasMessageContaining("overlaps");

        copy(dir);
        Path el = dir.resolve(RegistrationTables.ELECTRICITY_DISTRIBUTORS);
        Files.writeString(el, Files.readString(el) + "15,DNO-X,again,,not from a source (test)\n");
        assertThatThrownBy(() -> RegistrationTables.load(dir)).isInstanceOf(RegistrationTableException.class)
                .hasMessageContaining("electricity-distributors.csv").hasMessageContaining("15 appears twice");
    }

    @Test
    void refusesAnAppointmentThatEndsBeforeItStarts(@TempDir Path dir) throws IOException {
        copy(dir);
        Path f = dir.resolve(RegistrationTables.RSA_APPOINTMENTS);
        Files.writeString(f, Files.readString(f) + "M,S,GAS,,2025-01-02,2025-01-01,not from a source (test)\n");
        assertThatThrownBy(() -> RegistrationTables.load(dir)).isInstanceOf(RegistrationTableException.class)
                .hasMessageContaining("rsa-appointments.csv:").hasMessageContaining("before from");
    }

    private static void copy(Path dir) throws IOException {
        for (String name : RegistrationTables.FILES) {
            Files.copy(RealRules.dir().resolve(name), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
