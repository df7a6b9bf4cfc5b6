package org.secflow.campaign;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HANs (by Communications Hub) with a device updating firmware now, across all campaigns: at most one device
 * per HAN at a time (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1, BR9). After a restart each recovered wave locks the HANs of its
 * devices still delivered or activated, before anything is sent.
 */
final class HanLocks {
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    /** Takes the HAN if free. */
    boolean tryLock(String hubId) {
        return busy.add(hubId);
    }

    /** Marks a HAN busy whatever its state (recovery). */
    void lock(String hubId) {
        busy.add(hubId);
    }

    void unlock(String hubId) {
        if (hubId != null) {
            busy.remove(hubId);
        }
    }

    /** Whether a device on the HAN is updating now. */
    boolean isLocked(String hubId) {
        return busy.contains(hubId);
    }
}
