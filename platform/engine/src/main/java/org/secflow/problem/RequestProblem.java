package org.secflow.problem;

/**
 * The refusals every feature shares, one per HTTP status they answer with: 400 {@link BadRequestException}, 401
 * {@link UnauthenticatedException}, 403 {@link ForbiddenException}, 404 {@link NotFoundException}, 409
 * {@link ConflictException}, 422 {@link InvalidFieldException}. The kind is the subclass (callers catch and tests
 * assert by it); status and title are held here once, so a kind is only its constructor. A refusal with rules of its
 * own (e.g. {@code ServiceRequestRejectedException}) extends {@link DomainProblem} beside this hierarchy.
 */
public abstract sealed class RequestProblem extends DomainProblem
        permits BadRequestException, UnauthenticatedException, ForbiddenException, NotFoundException, ConflictException,
        InvalidFieldException {
    private final int status;
    private final String title;

    RequestProblem(int status, String title, String field, String rule, String message) {
        super(message, field, rule);
        this.status = status;
        this.title = title;
    }

    @Override
    public final int status() {
        return status;
    }

    @Override
    public final String title() {
        return title;
    }
}
