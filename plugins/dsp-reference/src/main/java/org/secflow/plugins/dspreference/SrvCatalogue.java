package org.secflow.plugins.dspreference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.secflow.spi.DeviceType;

/**
 * Every SRV the reference DSP carries, read from its table {@code srv-routes.csv} (a resource beside this class),
 * one row per SRV of the DUIS Service Request matrix: {@code srv, name, critical (Yes/No), futureDated (Yes/No),
 * dccScheduled (Yes/No), handling (DEVICE, FIRMWARE, DSP, SMI), routes, payload}. {@code routes} is
 * space-separated {@code TYPE:UseCase|UseCase}, from the matrix's target device notes ({@code ANY:DSP} for an SRV
 * the DSP or the SMI answers); {@code payload} is space-separated {@link PayloadField}s. To carry another SRV or
 * route, edit the table, not code.
 */
final class SrvCatalogue {
    static final String RESOURCE = "srv-routes.csv";
    private final Map<String, SrvRoute> bySrv;

    private SrvCatalogue(Map<String, SrvRoute> bySrv) {
        this.bySrv = bySrv;
    }

    /** The table shipped with the plugin. */
    static SrvCatalogue standard() {
        try (InputStream in = SrvCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the dsp-reference plugin");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SrvCatalogue read(BufferedReader in) throws IOException {
        Map<String, SrvRoute> rows = new LinkedHashMap<>();
        String line = in.readLine();
        int number = 1;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() != 8) {
                throw new IllegalStateException(RESOURCE + " line " + number + " has " + cells.size() + " cells, not 8");
            }
            Map<DeviceType, List<String>> routes = new EnumMap<>(DeviceType.class);
            for (String route : cells.get(6).trim().split("\\s+")) {
                String[] parts = route.split(":");
                if (parts.length != 2) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": route '" + route + "' is not TYPE:UseCase");
                }
                if (!parts[0].equals("ANY")) {
                    routes.put(DeviceType.valueOf(parts[0]), List.of(parts[1].split("\\|")));
                }
            }
            List<PayloadField> payload = new ArrayList<>();
            if (!cells.get(7).isBlank()) {
                for (String field : cells.get(7).trim().split("\\s+")) {
                    payload.add(PayloadField.parse(field));
                }
            }
            SrvRoute row = new SrvRoute(cells.get(0), cells.get(1), yes(cells.get(2)), yes(cells.get(3)), yes(cells.get(4)),
                    SrvRoute.Handling.valueOf(cells.get(5).trim().toUpperCase(Locale.ROOT)), routes, payload);
            if (rows.put(row.srv(), row) != null) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": SRV " + row.srv() + " appears twice");
            }
        }
        return new SrvCatalogue(Map.copyOf(rows));
    }

    /** The SRV, or empty when the DSP does not carry it. */
    Optional<SrvRoute> find(String srv) {
        return Optional.ofNullable(bySrv.get(srv));
    }

    /** How many SRVs the table holds. */
    int size() {
        return bySrv.size();
    }

    private static boolean yes(String cell) {
        return cell.trim().equalsIgnoreCase("Yes");
    }

    /**
     * The cells of one CSV line; a quoted cell may hold commas and doubled quotes (RFC 4180, one record a line, as
     * {@code srv-routes.csv} is written). Kept here rather than Commons CSV: a plugin sees only the SPI, so the
     * platform's {@code ScenarioCsv.FORMAT} is out of its reach, and bundling Commons CSV into
     * {@code plugins/dsp-reference/} for this one shipped resource would add a private dependency for 25 lines.
     */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
