package org.secflow.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.secflow.problem.ConflictException;
import org.secflow.problem.InvalidFieldException;
import org.secflow.problem.NotFoundException;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;

/**
 * The Smart Metering Inventory's device operations: pre-notification (SRV 12.2), read (SRV 8.2), update
 * (SRV 8.4) and a filtered list. Every operation is one transaction; a refused request writes nothing.
 */
public final class InventoryService {
    private static final DeviceRowMapper DEVICE_ROWS = new DeviceRowMapper();

    static final String BRIDGE_RULE = "an Alt HAN P2P Device is pre-notified as a PPMID carrying its Alt HAN Device "
            + "Variant B1-B4 (SRV 12.2; DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1)";

    private final Jdbi jdbi;
    private final Clock clock;
    private final SmiReadModel readModel;

    /** Without a read model: every read goes to the store. */
    public InventoryService(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, SmiReadModel.disabled());
    }

    /**
     * @param readModel devices kept in memory for reads; every other writer of {@code device} rows must share it
     *        (see {@link SmiReadModel})
     */
    public InventoryService(Jdbi jdbi, Clock clock, SmiReadModel readModel) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.readModel = readModel;
    }

    /**
     * Pre-notifies a device (SRV 12.2); it enters the SMI as {@link SmiStatus#PENDING}.
     *
     * @return the stored device
     * @throws InvalidFieldException naming the field when the request breaks a rule
     * @throws ConflictException when the Device ID is already in the SMI
     */
    public Device preNotify(DevicePreNotification request) {
        return preNotify(SmiScope.all(), request);
    }

    /**
     * Pre-notifies a device (SRV 12.2) within a User's scope: a Supplier pre-notifies only into a Communications Hub
     * of premises it is registered for (by the device's fuel, {@link SmiScope}); any other hub is refused exactly
     * as a hub the SMI does not hold.
     *
     * @return the stored device, as the scope sees it
     * @throws InvalidFieldException naming the field when the request breaks a rule or the hub is not the User's
     * @throws ConflictException when the Device ID is already in the SMI
     */
    public Device preNotify(SmiScope scope, DevicePreNotification request) {
        DeviceId deviceId = deviceId("deviceId", request.deviceId());
        boolean bridge = Boolean.TRUE.equals(request.altHanDevice()) || request.altHanDeviceVariant() != null;
        DeviceType type = request.deviceType() != null ? request.deviceType() : bridge ? DeviceType.PPMID : null;
        if (type == null) {
            throw new InvalidFieldException("deviceType", "a pre-notification names the device type (SRV 12.2)", "deviceType is required");
        }
        if (type == DeviceType.CHF || type == DeviceType.GPF) {
            throw new InvalidFieldException("deviceType", "Communications Hubs enter the SMI from the DCC's hub logistics, not SRV 12.2",
                    type + " cannot be pre-notified");
        }
        if (bridge && type != DeviceType.PPMID) {
            throw new InvalidFieldException("deviceType", BRIDGE_RULE, "an Alt HAN bridge is a PPMID, not " + type);
        }
        if (Boolean.TRUE.equals(request.altHanDevice()) && request.altHanDeviceVariant() == null) {
            throw new InvalidFieldException("altHanDeviceVariant", BRIDGE_RULE, "altHanDeviceVariant is required for an Alt HAN device");
        }
        if (Boolean.FALSE.equals(request.altHanDevice()) && request.altHanDeviceVariant() != null) {
            throw new InvalidFieldException("altHanDeviceVariant", BRIDGE_RULE, "only an Alt HAN device carries a variant");
        }
        String manufacturer = text("manufacturer", request.manufacturer(), 64);
        String model = text("model", request.model(), 64);
        String firmware = text("firmwareVersion", request.firmwareVersion(), 32);
        String hub = request.commsHubId() == null ? null : deviceId("commsHubId", request.commsHubId()).value();
        if (hub == null && !scope.mayJoin(type, null, null, null)) {
            throw new InvalidFieldException("commsHubId", "a Supplier pre-notifies a device into a Communications Hub of "
                    + "premises it is registered for (SRV 12.2)", "commsHubId is required");
        }
        Device device = new Device(deviceId.value(), type, request.altHanDeviceVariant(), manufacturer, model, firmware,
                Boolean.TRUE.equals(request.batteryPowered()), false, SmiStatus.PENDING, hub, null, null, null, null,
                null, null, null, null, null);
        Instant now = clock.instant();
        try {
            return jdbi.inTransaction(h -> {
                DeviceDao dao = h.attach(DeviceDao.class);
                if (dao.find(device.deviceId()).isPresent()) {
                    throw duplicate(device.deviceId());
                }
                Long premises = null;
                if (hub != null) {
                    InvalidFieldException unknownHub = new InvalidFieldException("commsHubId",
                            "a device joins the HAN of a Communications Hub in the SMI", "no Communications Hub " + hub + " in the SMI");
                    DeviceDao.HubPremises p = dao.hubPremises(hub).orElseThrow(() -> unknownHub);
                    if (!scope.mayJoin(type, p.importSupplier(), p.exportSupplier(), p.gasSupplier())) {
                        throw unknownHub;
                    }
                    premises = p.premisesId();
                }
                dao.insert(device, premises, now);
                return scope.present(dao.find(device.deviceId()).orElseThrow());
            });
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                throw duplicate(device.deviceId());
            }
            throw e;
        }
    }

    /**
     * Reads a device (SRV 8.2), from the {@link SmiReadModel} when it keeps it.
     *
     * @throws InvalidFieldException when the Device ID is no EUI-64
     */
    public Optional<Device> find(String deviceId) {
        String id = deviceId("deviceId", deviceId).value();
        // the read of every Service Request whose device the read model does not hold (all of them on PostgreSQL):
        // DeviceDao's query run as a plain statement, since attaching the SqlObject per call (configuration copy,
        // generic type resolution) halved the HTTP rate on PostgreSQL (docs/performance.md)
        return readModel.find(id, i -> jdbi.withHandle(h -> h.createQuery(DeviceDao.SELECT + " WHERE d.device_id = :id")
                .bind("id", i).map(DEVICE_ROWS).findOne()));
    }

    /**
     * Reads a device (SRV 8.2) within a User's scope: a device outside it is empty, exactly like a missing one; a
     * redacted scope sees no MPAN, MPRN or Supplier.
     *
     * @throws InvalidFieldException when the Device ID is no EUI-64
     */
    public Optional<Device> find(SmiScope scope, String deviceId) {
        return find(deviceId).filter(scope::sees).map(scope::present);
    }

    /**
     * Updates a device (SRV 8.4).
     *
     * @throws NotFoundException when the device is not in the SMI
     * @throws InvalidFieldException naming the field when the update breaks a rule
     */
    public Device update(String deviceId, DeviceUpdate update) {
        return update(SmiScope.all(), deviceId, update);
    }

    /**
     * Updates a device (SRV 8.4) within a User's scope.
     *
     * @return the device after the update, as the scope sees it
     * @throws NotFoundException when the device is not in the SMI or not one the scope changes (the same answer)
     * @throws InvalidFieldException naming the field when the update breaks a rule
     */
    public Device update(SmiScope scope, String deviceId, DeviceUpdate update) {
        String id = deviceId("deviceId", deviceId).value();
        if (update.isEmpty()) {
            throw new InvalidFieldException("body", "an update (SRV 8.4) changes at least one field", "no field to update");
        }
        String manufacturer = update.manufacturer() == null ? null : text("manufacturer", update.manufacturer(), 64);
        String model = update.model() == null ? null : text("model", update.model(), 64);
        String firmware = update.firmwareVersion() == null ? null : text("firmwareVersion", update.firmwareVersion(), 32);
        return readModel.writing(List.of(id), () -> jdbi.inTransaction(h -> {
            DeviceDao dao = h.attach(DeviceDao.class);
            Device old = dao.find(id).filter(scope::changes)
                    .orElseThrow(() -> new NotFoundException("deviceId", "no such device in the SMI for this User"));
            AltHanDeviceVariant variant = update.altHanDeviceVariant() != null ? update.altHanDeviceVariant() : old.altHanDeviceVariant();
            if (update.altHanDeviceVariant() != null && old.deviceType() != DeviceType.PPMID) {
                throw new InvalidFieldException("altHanDeviceVariant", BRIDGE_RULE, id + " is " + old.deviceType() + ", not a PPMID");
            }
            if (Boolean.TRUE.equals(update.tcsoReclassified()) && variant == null) {
                throw new InvalidFieldException("tcsoReclassified",
                        "Trust Centre Swap Out re-classifies Alt HAN bridges (MP170 draft Modification Report section 7)",
                        id + " is not an Alt HAN bridge");
            }
            Device changed = new Device(id, old.deviceType(), variant,
                    manufacturer != null ? manufacturer : old.manufacturer(),
                    model != null ? model : old.model(),
                    firmware != null ? firmware : old.firmwareVersion(),
                    update.batteryPowered() != null ? update.batteryPowered() : old.batteryPowered(),
                    update.tcsoReclassified() != null ? update.tcsoReclassified() : old.tcsoReclassified(),
                    update.status() != null ? update.status() : old.status(),
                    old.commsHubId(), old.region(), old.mpan(), old.mprn(), old.importSupplier(), old.gasSupplier(),
                    old.exportMpan(), old.exportSupplier(), old.createdAt(), old.updatedAt());
            dao.update(changed, clock.instant());
            return scope.present(dao.find(id).orElseThrow());
        }));
    }

    /** One page of devices matching the query, ordered by Device ID. */
    public Page<Device> list(DeviceQuery query) {
        return list(SmiScope.all(), query);
    }

    /** One page of the devices a scope sees that match the query, ordered by Device ID; foreign devices are left out. */
    public Page<Device> list(SmiScope scope, DeviceQuery query) {
        if (query.commsHubId() != null) {
            deviceId("commsHubId", query.commsHubId());
        }
        Page<Device> page = jdbi.withHandle(h -> DeviceDao.list(h, query, scope.condition()));
        return new Page<>(page.items().stream().map(scope::present).toList(), page.page(), page.size(), page.total());
    }

    /** Counts and summaries of the SMI. */
    public <R> R counts(java.util.function.Function<SmiCounts, R> read) {
        return jdbi.withExtension(SmiCounts.class, read::apply);
    }

    /** Number of devices in the SMI. */
    public long deviceCount() {
        return jdbi.withHandle(h -> h.attach(DeviceDao.class).count());
    }

    static DeviceId deviceId(String field, String value) {
        if (value == null) {
            throw new InvalidFieldException(field, "a Device ID is an EUI-64", field + " is required");
        }
        try {
            return DeviceId.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "a Device ID is an EUI-64 (16 hex digits, e.g. 00-DB-12-34-56-78-90-A0)", e.getMessage());
        }
    }

    static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, field + " is required and not blank", field + " is missing or blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidFieldException(field, field + " is at most " + maxLength + " characters", field + " is " + value.length() + " characters long");
        }
        return value.trim();
    }

    private static ConflictException duplicate(String id) {
        return new ConflictException("deviceId", "a Device ID is pre-notified once (SRV 12.2)", "device " + id + " is already in the SMI");
    }

    static boolean isUniqueViolation(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
