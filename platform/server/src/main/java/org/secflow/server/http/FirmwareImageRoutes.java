package org.secflow.server.http;

import io.javalin.Javalin;
import java.util.Set;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.inventory.FirmwareImageCatalogue;
import org.secflow.inventory.FirmwareImageRegistration;

/**
 * The known firmware image list (MP170 BR12): {@code POST /api/firmware-images} (Suppliers IS/GS, operators) → 201,
 * {@code GET /api/firmware-images}.
 */
final class FirmwareImageRoutes {
    private FirmwareImageRoutes() {
    }

    static void install(Javalin app, FirmwareImageCatalogue catalogue) {
        app.post("/api/firmware-images", ctx -> {
            var user = Authentication.require(ctx, "register a firmware image", Set.of(DccUserRole.IS, DccUserRole.GS),
                    PlatformRole.OPERATOR);
            var image = catalogue.register(Json.read(ctx.body(), FirmwareImageRegistration.class), user.userId());
            ctx.status(201).header("Location", "/api/firmware-images/" + image.imageId()).json(image);
        });
        app.get("/api/firmware-images", ctx -> ctx.json(catalogue.list()));
    }
}
