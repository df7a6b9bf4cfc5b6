package org.secflow.plugins.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.secflow.spi.DeviceType;

/**
 * The GBCS use cases the emulated devices answer, read from {@code use-cases.csv} beside this class: {@code useCase,
 * devices, kind, key}, one row per use case of the DUIS Service Request matrix's target device notes. {@code devices}
 * are the device types that take it; {@code kind} says what the device does ({@link Kind}); {@code key} names the
 * part of the device's state it reads or writes ({@link DeviceStateKeys}). To emulate another use case, add a row.
 */
final class UseCaseTable {
    static final String RESOURCE = "use-cases.csv";

    /** What a device does with a command of a use case; see {@link DeviceBehaviour}. */
    enum Kind {
        /** Transfer a firmware image, then activate it (CS05a, CS05b, CS05c). */
        FIRMWARE,
        /** Report the running firmware version (CS08, ECS52, GCS38). */
        FIRMWARE_READ,
        /** Activate a transferred image (CS06). */
        FIRMWARE_ACTIVATE,
        /** Store the command's parameters under the key. */
        WRITE,
        /** Report the values under the key. */
        READ,
        /** Add to the meter balance (top up, balance adjustment). */
        CREDIT,
        /** Move the supply to the state the key names (Enabled, Disabled, Armed). */
        SUPPLY,
        /** Report registers and consumption that advance with emulated time. */
        REGISTERS,
        /** Report the event and security log. */
        LOG_READ,
        /** Clear the event log. */
        LOG_CLEAR,
        /** Add a device to the Communications Hub's HAN device log (CCS01); at most six Type 1 devices. */
        HAN_LOG_ADD,
        /** Remove a device from the HAN device log (CCS02). */
        HAN_LOG_REMOVE,
        /** Report the HAN device log. */
        HAN_LOG_READ
    }

    /** One row. */
    record UseCase(String name, Set<DeviceType> devices, Kind kind, String key) {
    }

    private final Map<String, UseCase> byName;

    private UseCaseTable(Map<String, UseCase> byName) {
        this.byName = byName;
    }

    /** The table shipped with the emulator. */
    static UseCaseTable standard() {
        try (InputStream in = UseCaseTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the device emulator");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, UseCase> rows = new HashMap<>();
            String line = reader.readLine();
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                // use-cases.csv holds identifiers only (no quotes, no commas in a cell), so a split is its whole
                // grammar; a plugin sees only the SPI, not the platform's ScenarioCsv.FORMAT (Commons CSV)
                String[] cells = line.split(",", -1);
                Set<DeviceType> devices = EnumSet.noneOf(DeviceType.class);
                for (String t : cells[1].trim().split("\\s+")) {
                    devices.add(DeviceType.valueOf(t));
                }
                rows.put(cells[0].toLowerCase(Locale.ROOT),
                        new UseCase(cells[0], Set.copyOf(devices), Kind.valueOf(cells[2]), cells[3]));
            }
            return new UseCaseTable(Map.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The use case of that name (ignoring case), or null. */
    UseCase find(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether the table has the use case (for configuration checks). */
    boolean contains(String name) {
        return find(name) != null;
    }
}
