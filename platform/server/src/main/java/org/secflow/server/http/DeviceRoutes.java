package org.secflow.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.secflow.access.AccessPolicy;
import org.secflow.access.NetworkAreas;
import org.secflow.inventory.DevicePreNotification;
import org.secflow.inventory.DeviceQuery;
import org.secflow.inventory.DeviceUpdate;
import org.secflow.inventory.InventoryService;
import org.secflow.inventory.SmiScope;
import org.secflow.problem.NotFoundException;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Region;

/**
 * Smart Metering Inventory endpoints in the spirit of DUIS, each scoped by {@link SmiScope} (a device outside the
 * User's scope answers exactly like a missing one; lists leave such devices out):
 * <ul>
 *   <li>{@code POST /api/devices} pre-notification like SRV 12.2 → 201 with the device</li>
 *   <li>{@code GET /api/devices/{deviceId}} read like SRV 8.2</li>
 *   <li>{@code PATCH /api/devices/{deviceId}} update like SRV 8.4</li>
 *   <li>{@code GET /api/devices?type=&variant=&region=&firmwareVersion=&commsHubId=&page=&size=} a page</li>
 * </ul>
 */
final class DeviceRoutes {
    private DeviceRoutes() {
    }

    /**
     * @param areas the network operators' areas in service (read with the rules, so a reload of the registration
     *        tables applies at once)
     */
    static void install(Javalin app, InventoryService smi, java.util.function.Supplier<NetworkAreas> areas) {
        app.post("/api/devices", ctx -> {
            var device = smi.preNotify(scope(ctx, areas), Json.read(ctx.body(), DevicePreNotification.class));
            ctx.status(201).header("Location", "/api/devices/" + device.deviceId()).json(device);
        }, RoutePolicy.of(AccessPolicy.SMI_WRITE));
        app.get("/api/devices/{deviceId}", ctx -> {
            String id = ctx.pathParam("deviceId");
            ctx.json(smi.find(scope(ctx, areas), id)
                    .orElseThrow(() -> new NotFoundException("deviceId", "no such device in the SMI for this User")));
        }, RoutePolicy.of(AccessPolicy.SMI_READ));
        app.patch("/api/devices/{deviceId}", ctx -> ctx.json(smi.update(scope(ctx, areas), ctx.pathParam("deviceId"),
                Json.read(ctx.body(), DeviceUpdate.class))), RoutePolicy.of(AccessPolicy.SMI_WRITE));
        app.get("/api/devices", ctx -> ctx.json(smi.list(scope(ctx, areas), query(ctx))), RoutePolicy.of(AccessPolicy.SMI_READ));
    }

    private static SmiScope scope(Context ctx, java.util.function.Supplier<NetworkAreas> areas) {
        return SmiScope.of(Authentication.user(ctx), areas.get());
    }

    private static DeviceQuery query(Context ctx) {
        return new DeviceQuery(
                QueryParams.enumParam(ctx, "type", DeviceType.class),
                QueryParams.enumParam(ctx, "variant", AltHanDeviceVariant.class),
                QueryParams.enumParam(ctx, "region", Region.class),
                QueryParams.stringParam(ctx, "firmwareVersion"),
                QueryParams.stringParam(ctx, "commsHubId"),
                QueryParams.intParam(ctx, "page", 0),
                QueryParams.intParam(ctx, "size", 50));
    }
}
