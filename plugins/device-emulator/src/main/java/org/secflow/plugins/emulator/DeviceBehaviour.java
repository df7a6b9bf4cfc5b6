package org.secflow.plugins.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;

/**
 * What an emulated device does with a command that is not a firmware transfer, by {@link UseCaseTable.Kind}, against
 * the state it remembers ({@link DeviceStateStore}); every change is written before the answer. An outcome is a
 * response body, or a failure whose {@code reason} starts with a key that {@link ResponseCodes} gives a response
 * code:
 * <ul>
 *   <li>READ: the values stored under the key (e.g. {@code tariff.*} from 1.1.1, {@code supply.status}), with the
 *       device's defaults (supply Enabled, a balance drawn from the Device ID);</li>
 *   <li>WRITE: stores every parameter under the key and logs the event;</li>
 *   <li>CREDIT: adds {@code amountPence} (must be positive: {@code INVALID_CREDIT}) or {@code adjustmentPence} to the
 *       balance and reports {@code creditPence}; a negative adjustment may not take the balance below zero
 *       ({@code INSUFFICIENT_CREDIT}; the emulator's assumption: emergency credit and debt are not emulated);</li>
 *   <li>SUPPLY: Disabled from any state, Armed only from Disabled, Enabled from Disabled or Armed (or already
 *       Enabled); another move fails with {@code SUPPLY_STATE};</li>
 *   <li>REGISTERS: import register (Wh) and daily consumption that advance with emulated time at a rate drawn from
 *       the Device ID, so two reads an emulated hour apart differ by about the hourly rate;</li>
 *   <li>LOG_READ / LOG_CLEAR: the event log (the last {@value #MAX_EVENTS} events), or clears it;</li>
 *   <li>HAN_LOG_ADD / HAN_LOG_REMOVE / HAN_LOG_READ: the Communications Hub's device log, which starts with the
 *       devices the Smart Metering Inventory puts on the hub ({@link HanLogSeed}); adding a seventh Type 1
 *       device fails with {@code HAN_DEVICE_LOG_FULL} (at most six Type 1 devices per hub, DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1),
 *       removing an absent one with {@code NOT_IN_DEVICE_LOG};</li>
 *   <li>FIRMWARE_READ: {@code firmwareVersion} and, when an image waits, {@code pendingFirmwareVersion};</li>
 *   <li>FIRMWARE_ACTIVATE: activates the waiting image; with none, succeeds only for the running version
 *       ({@code firmwareVersion} absent or equal), else {@code NO_SUCH_IMAGE}.</li>
 * </ul>
 */
final class DeviceBehaviour {
    static final int MAX_EVENTS = 100;
    static final int MAX_TYPE1 = 6;
    /** Emulated time starts here: registers are 0 then. */
    static final long EMULATION_EPOCH_MS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    /** A response body, or a failure reason when {@code ok} is false. */
    record Outcome(boolean ok, Map<String, String> data) {
        static Outcome ok(Map<String, String> data) {
            return new Outcome(true, data);
        }

        static Outcome fail(String reason) {
            return new Outcome(false, Map.of("reason", reason));
        }
    }

    private final HanRegistry han;
    private final DeviceStateStore state;

    DeviceBehaviour(HanRegistry han) {
        this.han = han;
        this.state = han.state();
    }

    /**
     * Carries out a command.
     *
     * @param emulatedNowMs emulated time, epoch ms
     */
    Outcome apply(UseCaseTable.UseCase useCase, HanDevice device, Map<String, String> params, long emulatedNowMs) {
        long id = device.id();
        String key = useCase.key();
        Map<String, String> change = new HashMap<>();
        Outcome outcome = switch (useCase.kind()) {
            case READ -> Outcome.ok(read(id, key));
            case WRITE -> {
                params.forEach((k, v) -> change.put(key + "." + k, v));
                yield Outcome.ok(Map.of("updated", key));
            }
            case CREDIT -> credit(id, params, change);
            case SUPPLY -> supply(device, key, change);
            case REGISTERS -> Outcome.ok(registers(id, emulatedNowMs));
            case LOG_READ -> {
                String log = state.get(id, DeviceStateKeys.EVENTS);
                yield Outcome.ok(Map.of("events", log == null ? "" : log,
                        "eventCount", Integer.toString(log == null || log.isEmpty() ? 0 : log.split("\n").length)));
            }
            case LOG_CLEAR -> {
                change.put(DeviceStateKeys.EVENTS, null);
                yield Outcome.ok(Map.of("cleared", "true"));
            }
            case HAN_LOG_ADD -> hanLogAdd(id, params, change);
            case HAN_LOG_REMOVE -> hanLogRemove(id, params, change);
            case HAN_LOG_READ -> Outcome.ok(Map.of("hanDevices", String.join(" ", hanLog(id))));
            case FIRMWARE_READ -> {
                Map<String, String> data = new HashMap<>(Map.of("firmwareVersion", device.firmwareVersion()));
                String pending = han.pendingFirmware(id);
                if (pending != null) {
                    data.put("pendingFirmwareVersion", pending);
                }
                yield Outcome.ok(data);
            }
            case FIRMWARE_ACTIVATE -> activate(device, params);
            case FIRMWARE -> throw new IllegalArgumentException("a firmware transfer is no single-step command");
        };
        if (outcome.ok() && useCase.kind() != UseCaseTable.Kind.LOG_CLEAR && writes(useCase.kind())) {
            change.put(DeviceStateKeys.EVENTS, appendEvent(state.get(id, DeviceStateKeys.EVENTS),
                    Instant.ofEpochMilli(emulatedNowMs) + " " + useCase.name()));
        }
        if (outcome.ok() && !change.isEmpty()) {
            state.put(id, change);
        }
        return outcome;
    }

    private static boolean writes(UseCaseTable.Kind kind) {
        return switch (kind) {
            case WRITE, CREDIT, SUPPLY, HAN_LOG_ADD, HAN_LOG_REMOVE -> true;
            default -> false;
        };
    }

    private Map<String, String> read(long id, String key) {
        Map<String, String> data = new TreeMap<>();
        if (key.equals("supply")) {
            data.put("supplyStatus", "Enabled");
        }
        if (key.equals("balance")) {
            data.put("creditPence", Long.toString(credit(id)));
        }
        String prefix = key + ".";
        state.all(id).forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                data.put(k.equals(DeviceStateKeys.SUPPLY) ? "supplyStatus" : k.substring(prefix.length()), v);
            }
        });
        return data;
    }

    private long credit(long id) {
        String stored = state.get(id, DeviceStateKeys.CREDIT);
        return stored != null ? Long.parseLong(stored) : Long.remainderUnsigned(DeviceIdentity.mix(id ^ 0xC4ED17L), 5000);
    }

    private Outcome credit(long id, Map<String, String> params, Map<String, String> change) {
        long amount;
        try {
            if (params.containsKey("amountPence")) {
                amount = Long.parseLong(params.get("amountPence").trim());
                if (amount <= 0) {
                    return Outcome.fail("INVALID_CREDIT: a top-up adds a positive amount, got " + amount + " pence");
                }
            } else {
                amount = Long.parseLong(params.getOrDefault("adjustmentPence", "0").trim());
            }
        } catch (NumberFormatException e) {
            return Outcome.fail("INVALID_CREDIT: the amount is no whole number of pence");
        }
        long balance = credit(id) + amount;
        if (amount < 0 && balance < 0) {
            return Outcome.fail("INSUFFICIENT_CREDIT: an adjustment of " + amount + " pence would take the balance of "
                    + DeviceId.of(id) + " from " + credit(id) + " to " + balance + " pence, below zero");
        }
        change.put(DeviceStateKeys.CREDIT, Long.toString(balance));
        return Outcome.ok(Map.of("creditPence", Long.toString(balance)));
    }

    private Outcome supply(HanDevice device, String target, Map<String, String> change) {
        String now = state.get(device.id(), DeviceStateKeys.SUPPLY);
        now = now == null ? "Enabled" : now;
        boolean allowed = switch (target) {
            case "Disabled" -> true;
            case "Armed" -> now.equals("Disabled") || now.equals("Armed");
            case "Enabled" -> true;
            default -> false;
        };
        if (!allowed) {
            return Outcome.fail("SUPPLY_STATE: the supply of " + DeviceId.of(device.id()) + " is " + now
                    + "; only a Disabled supply can be Armed");
        }
        change.put(DeviceStateKeys.SUPPLY, target);
        return Outcome.ok(Map.of("supplyStatus", target));
    }

    private static Map<String, String> registers(long id, long emulatedNowMs) {
        long hash = DeviceIdentity.mix(id ^ 0x5E6157E2L);
        long whPerHour = 200 + Long.remainderUnsigned(hash, 600);
        long base = Long.remainderUnsigned(hash >>> 20, 5_000_000);
        double hours = Math.max(0, emulatedNowMs - EMULATION_EPOCH_MS) / 3_600_000.0;
        Map<String, String> data = new LinkedHashMap<>();
        data.put("importRegisterWh", Long.toString(base + (long) (hours * whPerHour)));
        data.put("dailyConsumptionWh", Long.toString(whPerHour * 24));
        data.put("readAt", Instant.ofEpochMilli(emulatedNowMs).toString());
        return data;
    }

    private List<String> hanLog(long hubId) {
        String log = state.get(hubId, DeviceStateKeys.HAN_LOG);
        return log == null || log.isBlank() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(log.trim().split(" ")));
    }

    private Outcome hanLogAdd(long hubId, Map<String, String> params, Map<String, String> change) {
        String device = params.get("hanDeviceId");
        String type = params.get("hanDeviceType");
        if (device == null || type == null) {
            return Outcome.fail("INVALID_REQUEST: CCS01 names the device (hanDeviceId) and its type (hanDeviceType)");
        }
        DeviceType t;
        String id;
        try {
            t = DeviceType.valueOf(type.trim().toUpperCase(java.util.Locale.ROOT));
            id = DeviceId.parse(device).value();
        } catch (IllegalArgumentException e) {
            return Outcome.fail("INVALID_REQUEST: " + e.getMessage());
        }
        List<String> log = hanLog(hubId);
        if (log.stream().anyMatch(e -> e.startsWith(id + ":"))) {
            return Outcome.ok(Map.of("hanDevices", String.join(" ", log)));
        }
        long type1 = log.stream().filter(e -> DeviceType.valueOf(e.substring(e.indexOf(':') + 1)).isType1()).count();
        if (t.isType1() && type1 >= MAX_TYPE1) {
            return Outcome.fail("HAN_DEVICE_LOG_FULL: the device log of Communications Hub " + DeviceId.of(hubId)
                    + " holds " + type1 + " Type 1 devices, the most it can (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1)");
        }
        log.add(id + ":" + t);
        change.put(DeviceStateKeys.HAN_LOG, String.join(" ", log));
        return Outcome.ok(Map.of("hanDevices", String.join(" ", log)));
    }

    private Outcome hanLogRemove(long hubId, Map<String, String> params, Map<String, String> change) {
        String device = params.get("hanDeviceId");
        List<String> log = hanLog(hubId);
        String id;
        try {
            id = DeviceId.parse(device).value();
        } catch (IllegalArgumentException e) {
            return Outcome.fail("INVALID_REQUEST: " + e.getMessage());
        }
        if (!log.removeIf(e -> e.startsWith(id + ":"))) {
            return Outcome.fail("NOT_IN_DEVICE_LOG: " + id + " is not in the device log of Communications Hub "
                    + DeviceId.of(hubId));
        }
        change.put(DeviceStateKeys.HAN_LOG, log.isEmpty() ? null : String.join(" ", log));
        return Outcome.ok(Map.of("hanDevices", String.join(" ", log)));
    }

    private Outcome activate(HanDevice device, Map<String, String> params) {
        String pending = han.pendingFirmware(device.id());
        String wanted = params.get("firmwareVersion");
        if (pending != null && (wanted == null || wanted.equals(pending))) {
            han.activateFirmware(device.id(), pending);
            return Outcome.ok(Map.of("firmwareVersion", pending, "activated", "true"));
        }
        if (wanted == null || wanted.equals(device.firmwareVersion())) {
            return Outcome.ok(Map.of("firmwareVersion", device.firmwareVersion(), "activated", "false"));
        }
        return Outcome.fail("NO_SUCH_IMAGE: device " + DeviceId.of(device.id()) + " holds no image of version " + wanted);
    }

    private static String appendEvent(String log, String entry) {
        List<String> entries = log == null || log.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(log.split("\n")));
        entries.add(entry);
        while (entries.size() > MAX_EVENTS) {
            entries.remove(0);
        }
        return String.join("\n", entries);
    }
}
