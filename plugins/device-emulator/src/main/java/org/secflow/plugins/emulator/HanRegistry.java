package org.secflow.plugins.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.secflow.spi.DeviceType;

/**
 * The emulated HAN of one emulator: the generated estates plus the devices met since.
 *
 * <ul>
 *   <li>Generated estates are immutable {@link HanSegment}s, newest first; a new estate from the same seed replaces
 *       the old one, and the devices of a new estate lose any firmware activated on them before.</li>
 *   <li>Firmware transferred and activated since generation is kept per device in the {@link DeviceStateStore}, so
 *       that it survives a restart; an estate generated afresh forgets the state of its devices.</li>
 *   <li>A device the emulator did not generate in this JVM is emulated on first contact, on the HAN of the hub the
 *       command named. When its ID is one this emulator's generator makes, it is emulated as generated (product,
 *       firmware, Alt HAN variant, TCSO state; {@link DeviceIdentity}). Any other ID (e.g. a device pre-notified
 *       through the API) is emulated as a device of unknown model of the type the command names (a PPMID when it
 *       names none) that accepts any image's model and reports {@link #FIRST_CONTACT_FIRMWARE} until an image is
 *       activated on it.</li>
 * </ul>
 * Thread-safe: lookups are lock-free, publishing an estate is serialised.
 */
final class HanRegistry {
    /** The firmware version a device with a foreign ID reports on first contact. */
    static final String FIRST_CONTACT_FIRMWARE = "1.0.0";

    private final DeviceIdentity identity;
    private volatile List<HanSegment> segments = List.of();
    private final DeviceStateStore state;
    private final ConcurrentHashMap<Long, HanDevice> firstContact = new ConcurrentHashMap<>();

    HanRegistry(DeviceIdentity identity, DeviceStateStore state) {
        this.identity = identity;
        this.state = state;
    }

    /** Makes a generated estate part of the HAN, replacing an earlier estate of the same seed. */
    synchronized void publish(HanSegment segment) {
        List<HanSegment> next = new ArrayList<>(segments.size() + 1);
        next.add(segment);
        for (HanSegment s : segments) {
            if (s.seed() != segment.seed()) {
                next.add(s);
            }
        }
        state.forget(segment::contains);
        firstContact.keySet().removeIf(segment::contains);
        segments = List.copyOf(next);
    }

    /** The device with its current firmware, or null when the HAN has not met it. */
    HanDevice find(long id) {
        HanDevice device = null;
        for (HanSegment segment : segments) {
            long hub = segment.hubOf(id);
            if (hub != HanSegment.ABSENT) {
                device = identity.describe(id, hub, true);
                break;
            }
        }
        if (device == null) {
            device = firstContact.get(id);
        }
        if (device == null) {
            return null;
        }
        String activated = state.get(id, DeviceStateKeys.FIRMWARE_ACTIVE);
        return activated == null ? device : device.withFirmwareVersion(activated);
    }

    /**
     * The device, emulating it on first contact on the HAN of {@code hubId} when the HAN has not met it.
     *
     * @param type the type the Smart Metering Inventory holds for a foreign Device ID, or null (then a PPMID)
     */
    HanDevice findOrEmulate(long id, long hubId, DeviceType type) {
        HanDevice known = find(id);
        if (known != null) {
            return known;
        }
        HanDevice met = identity.describe(id, hubId, false);
        firstContact.putIfAbsent(id, met != null ? met
                : DeviceIdentity.foreign(id, hubId, type == null ? DeviceType.PPMID : type, FIRST_CONTACT_FIRMWARE));
        return find(id);
    }

    /** Records that an image was transferred to a device (0x8F8A) and waits for activation. */
    void transferFirmware(long id, String version) {
        state.put(id, DeviceStateKeys.FIRMWARE_PENDING, version);
    }

    /** Records, durably, that a device activated a firmware version; later reads report it. */
    void activateFirmware(long id, String version) {
        Map<String, String> change = new HashMap<>(2);
        change.put(DeviceStateKeys.FIRMWARE_ACTIVE, version);
        change.put(DeviceStateKeys.FIRMWARE_PENDING, null);
        state.put(id, change);
    }

    /**
     * Activates every image transferred and not yet activated: called at start, when the emulator's previous run
     * stopped between a device's 0x8F8B-to-be and its transfer. A real device activates a transferred image at its
     * activation time whether or not the platform that sent it is still running; the emulated devices live in the
     * platform's process, so they catch up when it starts again. The alert they would have sent is not sent: an SRV
     * 11.2 read tells the platform.
     *
     * @return devices activated
     */
    int activatePending() {
        Map<Long, String> pending = state.withKey(DeviceStateKeys.FIRMWARE_PENDING);
        pending.forEach(this::activateFirmware);
        return pending.size();
    }

    /** The version of an image transferred to the device and not yet activated, or null. */
    String pendingFirmware(long id) {
        return state.get(id, DeviceStateKeys.FIRMWARE_PENDING);
    }

    /** What the devices remember. */
    DeviceStateStore state() {
        return state;
    }

    /** Number of generated devices held (all estates). */
    long generatedDevices() {
        long n = 0;
        for (HanSegment s : segments) {
            n += s.size();
        }
        return n;
    }
}
