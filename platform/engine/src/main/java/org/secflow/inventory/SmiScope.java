package org.secflow.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secflow.access.DccUserRole;
import org.secflow.access.NetworkAreas;
import org.secflow.access.PlatformRole;
import org.secflow.access.User;
import org.secflow.spi.DeviceType;

/**
 * Which devices of the Smart Metering Inventory a User sees and changes, and how much of their premises.
 *
 * <ul>
 *   <li>DCC operators and admins: every device, every field.</li>
 *   <li>Suppliers, by the device's fuel (SEC Section H; DUIS, the Registered Supplier of the MPAN or MPRN): an ESME is
 *       seen by the Import (IS) or Export (ES) Supplier of its MPAN, a GSME or GPF by the Gas Supplier (GS) of its
 *       MPRN, every other device (CHF, IHD, CAD, PPMID, HCALCS, Alt HAN bridges) by either registered Supplier of
 *       its premises. Suppliers change what they see.</li>
 *   <li>Network operators (ED, GT) read the devices of premises in their area ({@link NetworkAreas}): electricity
 *       devices by the distributor of the MPAN, gas devices by the gas network of the MPRN; they change none.</li>
 *   <li>Every other User (analysts, designers, finance, SECAS, the Panel): devices without MPAN, MPRN or Supplier
 *       of any premises, changing none.</li>
 * </ul>
 * A device outside the scope is reported exactly like a missing one.
 */
public final class SmiScope {
    private static final Set<DeviceType> GAS = Set.of(DeviceType.GSME, DeviceType.GPF);
    private static final SmiScope ALL = new SmiScope(null, Set.of(), Set.of(), List.of(), false, false);

    private final String party;
    private final Set<DccUserRole> supplierRoles;
    private final Set<String> distributorIds;
    private final List<NetworkAreas.MprnRange> mprnRanges;
    private final boolean redacted;
    private final boolean limited;

    private SmiScope(String party, Set<DccUserRole> supplierRoles, Set<String> distributorIds,
                     List<NetworkAreas.MprnRange> mprnRanges, boolean redacted, boolean limited) {
        this.party = party;
        this.supplierRoles = supplierRoles;
        this.distributorIds = distributorIds;
        this.mprnRanges = mprnRanges;
        this.redacted = redacted;
        this.limited = limited;
    }

    /** Every device, every field: the platform itself (campaigns, rules) and DCC operators. */
    public static SmiScope all() {
        return ALL;
    }

    /** The scope of a User; {@code areas} gives network operators their area. */
    public static SmiScope of(User user, NetworkAreas areas) {
        if (user.hasPlatformRole(PlatformRole.OPERATOR)) {
            return ALL;
        }
        Set<DccUserRole> suppliers = java.util.EnumSet.noneOf(DccUserRole.class);
        for (DccUserRole r : user.dccUserRoles()) {
            if (r == DccUserRole.IS || r == DccUserRole.ES || r == DccUserRole.GS) {
                suppliers.add(r);
            }
        }
        Set<String> distributors = user.dccUserRoles().contains(DccUserRole.ED) ? areas.distributorIds(user.party()) : Set.of();
        List<NetworkAreas.MprnRange> networks = user.dccUserRoles().contains(DccUserRole.GT) ? areas.mprnRanges(user.party()) : List.of();
        boolean dccUser = !user.dccUserRoles().isEmpty();
        return new SmiScope(user.party(), Set.copyOf(suppliers), Set.copyOf(distributors), List.copyOf(networks), !dccUser, true);
    }

    /** Whether the scope sees this device (as the store holds it). */
    public boolean sees(Device d) {
        return !limited || redacted || supplierOf(d) || inArea(d);
    }

    /** Whether the scope may change this device: operators all, Suppliers what they are registered for. */
    public boolean changes(Device d) {
        return !limited || supplierOf(d);
    }

    /**
     * Whether a Supplier of this scope may pre-notify a device of this type into a Communications Hub whose premises
     * have these registered Suppliers.
     */
    public boolean mayJoin(DeviceType type, String importSupplier, String exportSupplier, String gasSupplier) {
        return !limited || supplier(type, importSupplier, exportSupplier, gasSupplier);
    }

    /** The device as this scope may see it: without MPAN, MPRN and Suppliers for a redacted scope. */
    public Device present(Device d) {
        if (!redacted) {
            return d;
        }
        return new Device(d.deviceId(), d.deviceType(), d.altHanDeviceVariant(), d.manufacturer(), d.model(),
                d.firmwareVersion(), d.batteryPowered(), d.tcsoReclassified(), d.status(), d.commsHubId(), d.region(),
                null, null, null, null, null, null, d.createdAt(), d.updatedAt());
    }

    /**
     * The SQL condition over {@code d} (device) and {@code p} (premises) that keeps the devices this scope sees, and
     * its bindings; {@code TRUE} for an unlimited or redacted scope.
     */
    Condition condition() {
        if (!limited || redacted) {
            return new Condition("1 = 1", Map.of());
        }
        List<String> any = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("scopeParty", party);
        if (supplierRoles.contains(DccUserRole.IS)) {
            any.add("(d.device_type NOT IN ('GSME', 'GPF') AND p.import_supplier = :scopeParty)");
        }
        if (supplierRoles.contains(DccUserRole.ES)) {
            any.add("(d.device_type NOT IN ('GSME', 'GPF') AND p.export_supplier = :scopeParty)");
        }
        if (supplierRoles.contains(DccUserRole.GS)) {
            any.add("(d.device_type <> 'ESME' AND p.gas_supplier = :scopeParty)");
        }
        int i = 0;
        if (!distributorIds.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String id : distributorIds) {
                names.add(":scopeDistributor" + i);
                binds.put("scopeDistributor" + i++, id);
            }
            any.add("(d.device_type NOT IN ('GSME', 'GPF') AND SUBSTRING(p.mpan, 1, 2) IN (" + String.join(", ", names) + "))");
        }
        for (NetworkAreas.MprnRange range : mprnRanges) {
            binds.put("scopeMprnFrom" + i, range.from());
            binds.put("scopeMprnTo" + i, range.to());
            // MPRNs are digits (SEC Section A); the length test keeps a stray value from failing the cast
            any.add("(d.device_type <> 'ESME' AND CHAR_LENGTH(p.mprn) BETWEEN 1 AND 15 AND CAST(p.mprn AS BIGINT) BETWEEN :scopeMprnFrom"
                    + i + " AND :scopeMprnTo" + i++ + ")");
        }
        if (any.isEmpty()) {
            return new Condition("1 = 0", Map.of());
        }
        return new Condition("(" + String.join(" OR ", any) + ")", binds);
    }

    /** An SQL condition and the values it binds. */
    record Condition(String sql, Map<String, Object> binds) {
    }

    private boolean supplierOf(Device d) {
        return supplier(d.deviceType(), d.importSupplier(), d.exportSupplier(), d.gasSupplier());
    }

    private boolean supplier(DeviceType type, String importSupplier, String exportSupplier, String gasSupplier) {
        if (party == null || type == null) {
            return false;
        }
        boolean electricity = supplierRoles.contains(DccUserRole.IS) && party.equals(importSupplier)
                || supplierRoles.contains(DccUserRole.ES) && party.equals(exportSupplier);
        boolean gas = supplierRoles.contains(DccUserRole.GS) && party.equals(gasSupplier);
        if (type == DeviceType.ESME) {
            return electricity;
        }
        if (GAS.contains(type)) {
            return gas;
        }
        return electricity || gas;
    }

    private boolean inArea(Device d) {
        if (d.deviceType() == null) {
            return false;
        }
        boolean electricity = d.mpan() != null && d.mpan().length() >= 2 && distributorIds.contains(d.mpan().substring(0, 2));
        boolean gas = mprnRanges.stream().anyMatch(r -> r.contains(d.mprn()));
        if (d.deviceType() == DeviceType.ESME) {
            return electricity;
        }
        if (GAS.contains(d.deviceType())) {
            return gas;
        }
        return electricity || gas;
    }
}
