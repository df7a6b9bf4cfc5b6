package org.secflow.server.http;

import io.javalin.Javalin;
import org.secflow.access.AccessPolicy;
import org.secflow.modification.ModificationService;
import org.secflow.modification.TaskCompletion;

/**
 * User tasks of the modification lifecycle:
 * <ul>
 *   <li>{@code GET /api/tasks}: open tasks of the User's groups (configuration {@code users[].groups}; an admin
 *       sees all): {@code [{id, name, taskKey, reference, candidateGroups, completesWith, created}]}</li>
 *   <li>{@code POST /api/tasks/{id}/complete} {@code {date?, endDate?, body?, outcome?, path?, release?, source?}}
 *       (body optional) → 200 with the modification after it; 403 when the User is in none of the task's candidate
 *       groups; 404 for no such open task; a task with {@code completesWith} posts that event, so 409 / 422 as for
 *       events</li>
 * </ul>
 */
final class TaskRoutes {
    private TaskRoutes() {
    }

    static void install(Javalin app, ModificationService service) {
        app.get("/api/tasks", ctx -> ctx.json(service.tasks(Authentication.user(ctx))), RoutePolicy.of(AccessPolicy.TASKS));
        app.post("/api/tasks/{id}/complete", ctx -> {
            TaskCompletion c = ctx.body().isBlank() ? TaskCompletion.EMPTY : Json.read(ctx.body(), TaskCompletion.class);
            ctx.json(service.completeTask(ctx.pathParam("id"), Authentication.user(ctx), c));
        }, RoutePolicy.of(AccessPolicy.TASKS));
    }
}
