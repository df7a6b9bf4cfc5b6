package org.secflow.server.http;

import io.javalin.Javalin;
import org.secflow.access.AccessPolicy;
import org.secflow.inventory.FirmwareImageCatalogue;
import org.secflow.inventory.FirmwareImageRegistration;

/**
 * The known firmware image list (MP170 Modification Report, BR12: kept by the DCC): {@code POST /api/firmware-images}
 * (DCC operators, admins) → 201, {@code GET /api/firmware-images} (Suppliers, DCC operators, admins).
 */
final class FirmwareImageRoutes {
    private FirmwareImageRoutes() {
    }

    static void install(Javalin app, FirmwareImageCatalogue catalogue) {
        app.post("/api/firmware-images", ctx -> {
            var image = catalogue.register(Json.read(ctx.body(), FirmwareImageRegistration.class), Authentication.user(ctx).userId());
            ctx.status(201).header("Location", "/api/firmware-images/" + image.imageId()).json(image);
        }, RoutePolicy.of(AccessPolicy.FIRMWARE_IMAGE_WRITE));
        app.get("/api/firmware-images", ctx -> ctx.json(catalogue.list()), RoutePolicy.of(AccessPolicy.FIRMWARE_IMAGE_READ));
    }
}
