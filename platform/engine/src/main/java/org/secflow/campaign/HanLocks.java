package org.secflow.campaign;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HANs (by Communications Hub) with a device updating firmware now, across all campaigns: at most one device
 * per HAN at a time (seed 001 section 4.1.1, BR9). Filled from the store at start so a restart keeps the rule.
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

    void lockAll(Collection<String> hubIds) {
        busy.addAll(hubIds);
    }
}
