package org.secflow.plugins.dspreference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.secflow.spi.DeviceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DCC schedules of SRV 5.1 as a file in the DSP's data folder, {@value #FILE}: one line per schedule, fields
 * separated by tabs (schedule id, device, scheduled SRV, User ID, User Role, interval ms, start epoch ms). Written
 * whole on every create and delete (to a new file, forced to disk, then moved over the old one), so a kill at any
 * moment leaves the old or the new list, never half of one. A line that cannot be read is skipped with a warning.
 */
final class DccScheduleFile {
    static final String FILE = "dcc-schedules.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(DccScheduleFile.class);

    /**
     * One schedule as stored.
     *
     * @param startMs when it was created, epoch ms of the host clock; run n is due at {@code startMs + n * intervalMs}
     */
    record Entry(String scheduleId, DeviceId device, String srv, String userId, String userRole, long intervalMs,
                 long startMs) {
        Entry {
            for (String field : new String[] {scheduleId, srv, userId, userRole == null ? "" : userRole}) {
                if (field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("a DCC schedule field holds a tab or line break: '" + field + "'");
                }
            }
        }
    }

    private final Path file;

    DccScheduleFile(Path dir) {
        this.file = dir.resolve(FILE);
    }

    /** The stored schedules; none when the file does not exist yet. */
    List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the DCC schedules in " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split("\t", -1);
            try {
                entries.add(new Entry(f[0], DeviceId.parse(f[1]), f[2], f[3], f[4].isEmpty() ? null : f[4],
                        Long.parseLong(f[5]), Long.parseLong(f[6])));
            } catch (RuntimeException e) {
                LOG.warn("{} line {} is no DCC schedule ({}); skipped", file, i + 1, e.toString());
            }
        }
        return entries;
    }

    /**
     * Replaces the stored schedules with {@code entries}.
     *
     * @throws UncheckedIOException when the folder cannot be written
     */
    synchronized void write(Collection<Entry> entries) {
        StringBuilder text = new StringBuilder();
        for (Entry e : entries) {
            text.append(e.scheduleId()).append('\t').append(e.device().value()).append('\t').append(e.srv()).append('\t')
                    .append(e.userId()).append('\t').append(e.userRole() == null ? "" : e.userRole()).append('\t')
                    .append(e.intervalMs()).append('\t').append(e.startMs()).append('\n');
        }
        Path next = file.resolveSibling(FILE + ".next");
        try {
            Files.writeString(next, text, StandardCharsets.UTF_8);
            try (FileChannel c = FileChannel.open(next, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the DCC schedules in " + file, e);
        }
    }
}
