package org.secflow.inventory;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.secflow.spi.CommsHubRoute;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.InventoryLookup;
import org.secflow.spi.Region;

/** {@link InventoryLookup} for plugins over the SMI tables: a device's Communications Hub, its region and the device's type. */
public final class SmiInventoryLookup implements InventoryLookup {
    private final Jdbi jdbi;

    public SmiInventoryLookup(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<CommsHubRoute> route(DeviceId deviceId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT h.device_id, h.region, d.device_type FROM device d JOIN comms_hub h ON h.device_id = d.comms_hub_id
                         WHERE d.device_id = :id""")
                .bind("id", deviceId.value())
                .map((rs, ctx) -> new CommsHubRoute(new DeviceId(rs.getString(1)), Region.valueOf(rs.getString(2)),
                        DeviceType.valueOf(rs.getString(3))))
                .findOne());
    }

}
