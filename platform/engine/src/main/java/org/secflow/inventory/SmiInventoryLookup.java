package org.secflow.inventory;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.secflow.spi.CommsHubRoute;
import org.secflow.spi.DeviceId;
import org.secflow.spi.InventoryLookup;

/**
 * {@link InventoryLookup} for plugins over the SMI tables: a device's Communications Hub, its region and the device's
 * type ({@link DeviceDao#route}).
 */
public final class SmiInventoryLookup implements InventoryLookup {
    private final Jdbi jdbi;

    public SmiInventoryLookup(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<CommsHubRoute> route(DeviceId deviceId) {
        return jdbi.withExtension(DeviceDao.class, dao -> dao.route(deviceId.value()));
    }
}
