package org.secflow.servicerequest;

/**
 * That the User may act on the targeted device in the role of the request: inserted by a grant rule of
 * {@code rules/registered-supplier.drl} (one per basis: Import Supplier of the Import MPAN, appointment by the Gas
 * Supplier, consumer consent, ...) before the access checks, which refuse when none was inserted. Deleted with the
 * request.
 */
public final class DeviceAccess {
    private final String basis;

    public DeviceAccess(String basis) {
        this.basis = basis;
    }

    /** The name of the grant rule that inserted it. */
    public String getBasis() {
        return basis;
    }

    @Override
    public String toString() {
        return "DeviceAccess[" + basis + "]";
    }
}
