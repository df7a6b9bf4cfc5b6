package org.secflow.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.secflow.access.PlatformRole;
import org.secflow.inventory.DevicePreNotification;
import org.secflow.inventory.DeviceQuery;
import org.secflow.inventory.DeviceUpdate;
import org.secflow.inventory.InventoryService;
import org.secflow.problem.NotFoundException;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Region;

/**
 * Smart Metering Inventory endpoints in the spirit of DUIS (seed 001 section 4.1.1):
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

    static void install(Javalin app, InventoryService smi) {
        app.post("/api/devices", ctx -> {
            Authentication.requireDccUserOr(ctx, "pre-notify a device", PlatformRole.OPERATOR);
            var device = smi.preNotify(Json.read(ctx.body(), DevicePreNotification.class));
            ctx.status(201).header("Location", "/api/devices/" + device.deviceId()).json(device);
        });
        app.get("/api/devices/{deviceId}", ctx -> {
            String id = ctx.pathParam("deviceId");
            ctx.json(smi.find(id).orElseThrow(() -> new NotFoundException("deviceId", "no device " + id + " in the SMI")));
        });
        app.patch("/api/devices/{deviceId}", ctx -> {
            Authentication.requireDccUserOr(ctx, "update a device", PlatformRole.OPERATOR);
            ctx.json(smi.update(ctx.pathParam("deviceId"), Json.read(ctx.body(), DeviceUpdate.class)));
        });
        app.get("/api/devices", ctx -> ctx.json(smi.list(query(ctx))));
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
