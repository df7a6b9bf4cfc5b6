package org.secflow.servicerequest;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.secflow.access.User;
import org.secflow.inventory.Device;
import org.secflow.inventory.DevicePreNotification;
import org.secflow.inventory.RegisteredFirmwareImage;
import org.secflow.spi.DeviceType;

/** Builds the {@link ServiceRequestFact} of a request for one device from the SMI. */
final class ServiceRequestFacts {
    private ServiceRequestFacts() {
    }

    static ServiceRequestFact base(String srv, String role, User user) {
        ServiceRequestFact f = new ServiceRequestFact();
        f.setSrv(srv);
        f.setRole(role);
        f.setUserParty(user.party());
        return f;
    }

    /** A request for a device that may be in the SMI ({@code device} empty when not). */
    static ServiceRequestFact forDevice(Handle h, String srv, String role, User user, String deviceId, Optional<Device> device,
                                        Optional<RegisteredFirmwareImage> image, boolean imageGiven) {
        ServiceRequestFact f = base(srv, role, user);
        f.setDeviceId(deviceId);
        f.setFirmwareImageGiven(imageGiven);
        f.setImageKnown(image.isPresent());
        device.ifPresent(d -> {
            f.setDeviceKnown(true);
            f.setDeviceType(d.deviceType().name());
            f.setAltHanDevice(d.altHanDeviceVariant() != null);
            f.setAltHanVariant(d.altHanDeviceVariant() == null ? null : d.altHanDeviceVariant().name());
            f.setTcsoReclassified(d.tcsoReclassified());
            f.setMpan(d.mpan());
            f.setExportMpan(d.exportMpan());
            f.setMprn(d.mprn());
            f.setImportSupplier(d.importSupplier());
            f.setExportSupplier(d.exportSupplier());
            f.setGasSupplier(d.gasSupplier());
            f.setCommsHubId(d.commsHubId());
            f.setUpdateInProgressLookup(() -> ServiceRequestStore.firmwareUpdateInProgress(h, d.deviceId()));
            image.ifPresent(i -> f.setImageApplicable(i.applicableDeviceTypes().contains(d.deviceType())
                    && i.model().equalsIgnoreCase(String.valueOf(d.model()))));
            if (d.commsHubId() != null) {
                boolean self = d.deviceType().isType1();
                f.setType1DevicesOnHubLookup(() -> type1OnHub(h, d.commsHubId()) - (self ? 1 : 0));
                f.setAddsType1Device(d.deviceType().isType1());
            }
        });
        return f;
    }

    /** A pre-notification (SRV 12.2): the device is new; the hub, if given, gives premises and Type 1 count. */
    static ServiceRequestFact forPreNotification(Handle h, String role, User user, DevicePreNotification p) {
        ServiceRequestFact f = base("12.2", role, user);
        f.setDeviceId(p.deviceId());
        boolean bridge = Boolean.TRUE.equals(p.altHanDevice()) || p.altHanDeviceVariant() != null;
        DeviceType type = p.deviceType() != null ? p.deviceType() : bridge ? DeviceType.PPMID : null;
        f.setDeviceType(type == null ? null : type.name());
        f.setAltHanDevice(bridge);
        f.setAltHanVariant(p.altHanDeviceVariant() == null ? null : p.altHanDeviceVariant().name());
        if (p.commsHubId() != null) {
            f.setCommsHubId(p.commsHubId());
            f.setAddsType1Device(type != null && type.isType1());
            h.attach(ServiceRequestDao.class).hubPremises(normalise(p.commsHubId())).ifPresent(premises -> {
                f.setMpan(premises.mpan());
                f.setMprn(premises.mprn());
                f.setImportSupplier(premises.importSupplier());
                f.setGasSupplier(premises.gasSupplier());
                f.setExportMpan(premises.exportMpan());
                f.setExportSupplier(premises.exportSupplier());
            });
            String hub = normalise(p.commsHubId());
            f.setType1DevicesOnHubLookup(() -> type1OnHub(h, hub));
        }
        return f;
    }

    /**
     * SRV 8.11 Update HAN Device Log to a Communications Hub Function: adding ({@code useCase} CCS01, the default) a
     * device whose {@code hanDeviceType} is Type 1 counts toward the hub's six Type 1 devices (DCC Preliminary Impact Assessment for SECMP0170 section
     * 4.1.1); removing (CCS02) never does.
     */
    static void forHanDeviceLogUpdate(Handle h, ServiceRequestFact f, java.util.Map<String, String> parameters) {
        String type = parameters.get("hanDeviceType");
        boolean adds = !"CCS02".equalsIgnoreCase(parameters.getOrDefault("useCase", "CCS01")) && type != null
                && java.util.Arrays.stream(DeviceType.values()).anyMatch(t -> t.name().equalsIgnoreCase(type.trim()) && t.isType1());
        f.setAddsType1Device(adds);
        if (adds) {
            String hub = normalise(f.getDeviceId());
            f.setCommsHubId(hub);
            f.setType1DevicesOnHubLookup(() -> type1OnHub(h, hub));
        }
    }

    private static int type1OnHub(Handle h, String hub) {
        return h.attach(ServiceRequestDao.class).type1OnHub(hub);
    }

    private static String normalise(String id) {
        try {
            return org.secflow.spi.DeviceId.parse(id).value();
        } catch (IllegalArgumentException e) {
            return id;
        }
    }
}
