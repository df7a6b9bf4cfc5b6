package org.secflow.registration;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.secflow.spi.MeterPoints;
import org.secflow.spi.Region;

/**
 * The registration tables of a rules directory, in memory: who, besides the Suppliers the Smart Metering Inventory
 * records for each premises, is registered for a meter point (SEC Section E, Registration Data; SEC Section A
 * definitions of Electricity Distributor, Gas Transporter and Registered Supplier Agent), and which Other Users hold a
 * consumer's consent (SEC Section I1). Analysts edit the four CSV files beside the rules; the rule loader reads them
 * with the rules (so a reload picks up an edit and a bad row refuses the reload), and the rules reach them through
 * the global {@code registration}.
 *
 * <ul>
 *   <li>{@value #ELECTRICITY_DISTRIBUTORS}: {@code distributor_id,ed_party,name,region,source}</li>
 *   <li>{@value #GAS_NETWORKS}: {@code network_id,gt_party,name,region,mprn_from,mprn_to,source}</li>
 *   <li>{@value #RSA_APPOINTMENTS}: {@code agent_party,supplier_party,fuel,meter_point,from,to,source}</li>
 *   <li>{@value #OU_CONSENTS}: {@code ou_party,meter_point,from,to,source}</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; every look-up is a hash or tree look-up (no I/O after {@link #load}).
 */
public final class RegistrationTables implements org.secflow.access.NetworkAreas {
    /** MPAN distributor id to Electricity Distributor. */
    public static final String ELECTRICITY_DISTRIBUTORS = "electricity-distributors.csv";
    /** MPRN range to gas network and Gas Transporter. */
    public static final String GAS_NETWORKS = "gas-networks.csv";
    /** Registered Supplier Agent appointments. */
    public static final String RSA_APPOINTMENTS = "rsa-appointments.csv";
    /** Other User consumer consents. */
    public static final String OU_CONSENTS = "ou-consents.csv";
    /** The four file names. */
    public static final List<String> FILES = List.of(ELECTRICITY_DISTRIBUTORS, GAS_NETWORKS, RSA_APPOINTMENTS, OU_CONSENTS);

    private final List<ElectricityDistributor> distributors;
    private final List<GasNetwork> networks;
    private final List<RsaAppointment> appointments;
    private final List<ConsumerConsent> consents;
    private final Map<String, ElectricityDistributor> distributorById = new HashMap<>();
    private final TreeMap<Long, GasNetwork> networkByFirstMprn = new TreeMap<>();
    private final Map<String, List<RsaAppointment>> appointmentsByAgent = new HashMap<>();
    private final Map<String, List<ConsumerConsent>> consentsByOuAndMeterPoint = new HashMap<>();

    private RegistrationTables(List<ElectricityDistributor> distributors, List<GasNetwork> networks,
                               List<RsaAppointment> appointments, List<ConsumerConsent> consents) {
        this.distributors = List.copyOf(distributors);
        this.networks = List.copyOf(networks);
        this.appointments = List.copyOf(appointments);
        this.consents = List.copyOf(consents);
        for (ElectricityDistributor d : this.distributors) {
            if (distributorById.putIfAbsent(d.distributorId(), d) != null) {
                throw new IllegalArgumentException("distributor_id " + d.distributorId() + " appears twice");
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (GasNetwork n : this.networks.stream().sorted(Comparator.comparingLong(GasNetwork::mprnFrom)).toList()) {
            if (!ids.add(n.networkId())) {
                throw new IllegalArgumentException("network_id " + n.networkId() + " appears twice");
            }
            Map.Entry<Long, GasNetwork> before = networkByFirstMprn.lastEntry();
            if (before != null && before.getValue().mprnTo() >= n.mprnFrom()) {
                throw new IllegalArgumentException("the MPRN range of " + n.networkId() + " overlaps that of "
                        + before.getValue().networkId());
            }
            networkByFirstMprn.put(n.mprnFrom(), n);
        }
        for (RsaAppointment a : this.appointments) {
            appointmentsByAgent.computeIfAbsent(a.agentParty(), k -> new ArrayList<>()).add(a);
        }
        for (ConsumerConsent c : this.consents) {
            consentsByOuAndMeterPoint.computeIfAbsent(key(c.ouParty(), c.meterPoint()), k -> new ArrayList<>()).add(c);
        }
    }

    /**
     * Tables from rows (tests, tools); the same checks as {@link #load}.
     *
     * @throws IllegalArgumentException for a duplicate distributor id or network id, or overlapping MPRN ranges
     */
    public static RegistrationTables of(List<ElectricityDistributor> distributors, List<GasNetwork> networks,
                                        List<RsaAppointment> appointments, List<ConsumerConsent> consents) {
        return new RegistrationTables(distributors, networks, appointments, consents);
    }

    /**
     * Reads the four tables of a rules directory.
     *
     * @param rulesDir the rules directory, e.g. {@code rules}
     * @throws RegistrationTableException naming file and line for a missing file, a wrong header, a bad cell, a
     *     duplicate id, overlapping MPRN ranges, an MPAN or MPRN that is not one
     */
    public static RegistrationTables load(Path rulesDir) {
        List<ElectricityDistributor> distributors = TableCsv.read(rulesDir, ELECTRICITY_DISTRIBUTORS,
                List.of("distributor_id", "ed_party", "name", "region", "source"),
                r -> new ElectricityDistributor(r.required("distributor_id"), r.required("ed_party"), r.cell("name"),
                        r.region("region"), r.required("source")));
        List<GasNetwork> networks = TableCsv.read(rulesDir, GAS_NETWORKS,
                List.of("network_id", "gt_party", "name", "region", "mprn_from", "mprn_to", "source"),
                r -> new GasNetwork(r.required("network_id"), r.required("gt_party"), r.cell("name"), r.region("region"),
                        r.number("mprn_from"), r.number("mprn_to"), r.required("source")));
        List<RsaAppointment> appointments = TableCsv.read(rulesDir, RSA_APPOINTMENTS,
                List.of("agent_party", "supplier_party", "fuel", "meter_point", "from", "to", "source"),
                r -> appointment(r));
        List<ConsumerConsent> consents = TableCsv.read(rulesDir, OU_CONSENTS,
                List.of("ou_party", "meter_point", "from", "to", "source"),
                r -> {
                    String mp = r.required("meter_point");
                    if (!MeterPoints.isValidMpan(mp) && !MeterPoints.isValidMprn(mp)) {
                        throw r.bad("column meter_point is '" + mp + "', expected an MPAN core (13 digits, valid check digit) or an MPRN (6-10 digits)");
                    }
                    return new ConsumerConsent(r.required("ou_party"), mp, r.date("from"), r.date("to"), r.required("source"));
                });
        try {
            return new RegistrationTables(distributors, networks, appointments, consents);
        } catch (IllegalArgumentException e) {
            String file = e.getMessage().startsWith("distributor_id") ? ELECTRICITY_DISTRIBUTORS : GAS_NETWORKS;
            throw new RegistrationTableException(file, 0, e.getMessage());
        }
    }

    private static RsaAppointment appointment(TableCsv.Row r) {
        String fuelCell = r.required("fuel");
        Fuel fuel;
        try {
            fuel = Fuel.valueOf(fuelCell.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw r.bad("column fuel is '" + fuelCell + "', expected ELECTRICITY, GAS or ALL");
        }
        String mp = r.cell("meter_point");
        if (mp != null && fuel == Fuel.ELECTRICITY && !MeterPoints.isValidMpan(mp)) {
            throw r.bad("column meter_point is '" + mp + "', expected an MPAN core (13 digits, valid check digit) for ELECTRICITY");
        }
        if (mp != null && fuel == Fuel.GAS && !MeterPoints.isValidMprn(mp)) {
            throw r.bad("column meter_point is '" + mp + "', expected an MPRN (6-10 digits) for GAS");
        }
        return new RsaAppointment(r.required("agent_party"), r.required("supplier_party"), fuel, mp, r.date("from"),
                r.date("to"), r.required("source"));
    }

    // --- network operators ---------------------------------------------------------------------------------------

    /**
     * The Electricity Distributor registered for an MPAN: the {@code ed_party} of the row for its first two digits.
     *
     * @param mpan an MPAN core (13 digits); null or shorter than two characters gives empty
     * @return the ED Party, empty when no row has the MPAN's distributor id
     */
    public Optional<String> edPartyOf(String mpan) {
        if (mpan == null || mpan.length() < 2) {
            return Optional.empty();
        }
        ElectricityDistributor d = distributorById.get(mpan.substring(0, 2));
        return d == null ? Optional.empty() : Optional.of(d.edParty());
    }

    /** The distributor ids (two digits each) whose rows name {@code edParty}, sorted; empty for an unknown Party. */
    public Set<String> distributorIdsOf(String edParty) {
        Set<String> out = new java.util.TreeSet<>();
        distributors.stream().filter(d -> d.edParty().equals(edParty)).forEach(d -> out.add(d.distributorId()));
        return Set.copyOf(out);
    }

    /** The distributor ids whose rows give {@code region}, in table order (what the emulated estate draws from). */
    public List<String> distributorIdsIn(Region region) {
        return distributors.stream().filter(d -> d.region() == region).map(ElectricityDistributor::distributorId).toList();
    }

    /** Whether {@code edParty} is the Electricity Distributor of {@code mpan}; false when either is null. */
    public boolean distributes(String edParty, String mpan) {
        return edParty != null && edPartyOf(mpan).map(edParty::equals).orElse(false);
    }

    /**
     * The gas network whose MPRN range holds an MPRN.
     *
     * @param mprn digits (6-10 in GB); null or not digits gives empty
     */
    public Optional<GasNetwork> gasNetworkOf(String mprn) {
        if (mprn == null || !mprn.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        long n = Long.parseLong(mprn);
        Map.Entry<Long, GasNetwork> e = networkByFirstMprn.floorEntry(n);
        return e != null && e.getValue().contains(n) ? Optional.of(e.getValue()) : Optional.empty();
    }

    /** The Gas Transporter registered for an MPRN: the {@code gt_party} of its network; empty when none holds it. */
    public Optional<String> gtPartyOf(String mprn) {
        return gasNetworkOf(mprn).map(GasNetwork::gtParty);
    }

    @Override
    public Set<String> distributorIds(String edParty) {
        return distributorIdsOf(edParty);
    }

    @Override
    public List<MprnRange> mprnRanges(String gtParty) {
        return networks.stream().filter(n -> n.gtParty().equals(gtParty)).map(n -> new MprnRange(n.mprnFrom(), n.mprnTo())).toList();
    }

    /** The ids of the gas networks whose rows name {@code gtParty}, sorted; empty for an unknown Party. */
    public Set<String> gasNetworksOf(String gtParty) {
        Set<String> out = new java.util.TreeSet<>();
        networks.stream().filter(n -> n.gtParty().equals(gtParty)).forEach(n -> out.add(n.networkId()));
        return Set.copyOf(out);
    }

    /** The gas networks whose rows give {@code region}, in table order (what the emulated estate draws from). */
    public List<GasNetwork> gasNetworksIn(Region region) {
        return networks.stream().filter(n -> n.region() == region).toList();
    }

    /** Whether {@code gtParty} is the Gas Transporter of {@code mprn}; false when either is null. */
    public boolean transports(String gtParty, String mprn) {
        return gtParty != null && gtPartyOf(mprn).map(gtParty::equals).orElse(false);
    }

    // --- agents and consents -------------------------------------------------------------------------------------

    /**
     * Whether {@code supplierParty} has appointed {@code agentParty} as Registered Supplier Agent for the meter point
     * {@code meterPoint} of {@code fuel}, in force on {@code day}: a row for that agent and Supplier whose fuel covers
     * {@code fuel} and whose meter point is empty or {@code meterPoint}.
     *
     * @param fuel {@link Fuel#ELECTRICITY} for an Import or Export MPAN, {@link Fuel#GAS} for an MPRN
     * @return false when any argument is null
     */
    public boolean appointed(String agentParty, String supplierParty, Fuel fuel, String meterPoint, LocalDate day) {
        if (agentParty == null || supplierParty == null || fuel == null || meterPoint == null || day == null) {
            return false;
        }
        for (RsaAppointment a : appointmentsByAgent.getOrDefault(agentParty, List.of())) {
            if (a.supplierParty().equals(supplierParty) && a.fuel().covers(fuel)
                    && (a.meterPoint() == null || a.meterPoint().equals(meterPoint)) && a.inForce(day)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a consumer consent for {@code ouParty} and the MPAN or MPRN {@code meterPoint} is in force on
     * {@code day}.
     *
     * @return false when any argument is null
     */
    public boolean consented(String ouParty, String meterPoint, LocalDate day) {
        if (ouParty == null || meterPoint == null || day == null) {
            return false;
        }
        for (ConsumerConsent c : consentsByOuAndMeterPoint.getOrDefault(key(ouParty, meterPoint), List.of())) {
            if (c.inForce(day)) {
                return true;
            }
        }
        return false;
    }

    /** The rows of {@value #ELECTRICITY_DISTRIBUTORS}, in file order. */
    public List<ElectricityDistributor> distributors() {
        return distributors;
    }

    /** The rows of {@value #GAS_NETWORKS}, in file order. */
    public List<GasNetwork> gasNetworks() {
        return networks;
    }

    /** The rows of {@value #RSA_APPOINTMENTS}, in file order. */
    public List<RsaAppointment> appointments() {
        return appointments;
    }

    /** The rows of {@value #OU_CONSENTS}, in file order. */
    public List<ConsumerConsent> consents() {
        return consents;
    }

    static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    private static String key(String party, String meterPoint) {
        return party + '\u0000' + meterPoint;
    }
}
