package org.secflow.servicerequest;

/**
 * What the rules see of one Service Request for one device: the request, the User and what the SMI knows of the
 * device and its premises. A JavaBean for Drools; built by the service from the SMI, or from a row of a
 * {@code *.cases.csv} scenario table. Field values are the SEC's own strings (roles {@code IS}, device types
 * {@code PPMID}, variants {@code B1}-{@code B4}).
 */
public final class ServiceRequestFact {
    private String srv;
    private String role;
    private String userParty;
    private String deviceId;
    private boolean deviceKnown;
    private String deviceType;
    private boolean altHanDevice;
    private String altHanVariant;
    private boolean tcsoReclassified;
    private String mpan;
    private String exportMpan;
    private String mprn;
    private String importSupplier;
    private String exportSupplier;
    private String gasSupplier;
    private java.time.LocalDate requestDate;
    private boolean updateInProgress;
    private java.util.function.BooleanSupplier updateInProgressLookup;
    private boolean firmwareImageGiven;
    private boolean imageKnown;
    private boolean imageApplicable;
    private String commsHubId;
    private int type1DevicesOnHub;
    private java.util.function.IntSupplier type1DevicesOnHubLookup;
    private boolean addsType1Device;

    /** SRV, e.g. {@code 11.4}. */
    public String getSrv() { return srv; }
    public void setSrv(String v) { srv = v; }
    /** DCC User Role the request is sent in, e.g. {@code IS}. */
    public String getRole() { return role; }
    public void setRole(String v) { role = v; }
    /** SEC Party of the sending User. */
    public String getUserParty() { return userParty; }
    public void setUserParty(String v) { userParty = v; }
    /** Target Device ID, or null for a request without a device. */
    public String getDeviceId() { return deviceId; }
    public void setDeviceId(String v) { deviceId = v; }
    /** Whether the target device is in the SMI. */
    public boolean isDeviceKnown() { return deviceKnown; }
    public void setDeviceKnown(boolean v) { deviceKnown = v; }
    /** Device type of the target ({@code ESME}, {@code PPMID}, ...), null when unknown. */
    public String getDeviceType() { return deviceType; }
    public void setDeviceType(String v) { deviceType = v; }
    /** Whether the target is an Alt HAN P2P Device (bridge): it has, or its pre-notification claims, a variant. */
    public boolean isAltHanDevice() { return altHanDevice; }
    public void setAltHanDevice(boolean v) { altHanDevice = v; }
    /** Alt HAN Device Variant {@code B1}-{@code B4}, or null. */
    public String getAltHanVariant() { return altHanVariant; }
    public void setAltHanVariant(String v) { altHanVariant = v; }
    /** Whether Trust Centre Swap Out re-classified the bridge as an IHD (MP170 draft Modification Report section 7). */
    public boolean isTcsoReclassified() { return tcsoReclassified; }
    public void setTcsoReclassified(boolean v) { tcsoReclassified = v; }
    /**
     * Import MPAN core (13 digits) of the device's premises (for SRV 12.2: of the premises of the named Communications
     * Hub), or null: no electricity, or the device or hub is not in the SMI.
     */
    public String getMpan() { return mpan; }
    public void setMpan(String v) { mpan = v; }
    /** Export MPAN core of the premises, or null (no export). */
    public String getExportMpan() { return exportMpan; }
    public void setExportMpan(String v) { exportMpan = v; }
    /** MPRN of the premises, or null. */
    public String getMprn() { return mprn; }
    public void setMprn(String v) { mprn = v; }
    /** Whether the premises has an Import MPAN. */
    public boolean isHasMpan() { return mpan != null; }
    /** Whether the premises has an MPRN. */
    public boolean isHasMprn() { return mprn != null; }
    /** Whether the SMI gave the premises' registration data (an MPAN or an MPRN): false for a device or hub it does not hold. */
    public boolean isPremisesKnown() { return mpan != null || exportMpan != null || mprn != null; }
    /** Registered Import Supplier party of the premises (for its Import MPAN), or null. */
    public String getImportSupplier() { return importSupplier; }
    public void setImportSupplier(String v) { importSupplier = v; }
    /** Registered Export Supplier party of the premises (for its Export MPAN), or null. */
    public String getExportSupplier() { return exportSupplier; }
    public void setExportSupplier(String v) { exportSupplier = v; }
    /** Registered Gas Supplier party of the premises (for its MPRN), or null. */
    public String getGasSupplier() { return gasSupplier; }
    public void setGasSupplier(String v) { gasSupplier = v; }
    /** The day the request is decided (Europe/London): appointments and consents are in force on days. */
    public java.time.LocalDate getRequestDate() { return requestDate; }
    public void setRequestDate(java.time.LocalDate v) { requestDate = v; }
    /** Whether a firmware update (SRV 11.4) for the device is in progress. */
    public boolean isUpdateInProgress() {
        if (updateInProgressLookup != null) {
            updateInProgress = updateInProgressLookup.getAsBoolean();
            updateInProgressLookup = null;
        }
        return updateInProgress;
    }
    public void setUpdateInProgress(boolean v) { updateInProgress = v; updateInProgressLookup = null; }
    /** Looks the value up in the SMI only when a rule reads it (most rules never do). */
    public void setUpdateInProgressLookup(java.util.function.BooleanSupplier lookup) { updateInProgressLookup = lookup; }
    /** Whether the request names a firmware image. */
    public boolean isFirmwareImageGiven() { return firmwareImageGiven; }
    public void setFirmwareImageGiven(boolean v) { firmwareImageGiven = v; }
    /** Whether the named image is on the known-image list (BR12). */
    public boolean isImageKnown() { return imageKnown; }
    public void setImageKnown(boolean v) { imageKnown = v; }
    /** Whether the known image applies to the device: its type and model. */
    public boolean isImageApplicable() { return imageApplicable; }
    public void setImageApplicable(boolean v) { imageApplicable = v; }
    /** Communications Hub the device is on or joins, or null. */
    public String getCommsHubId() { return commsHubId; }
    public void setCommsHubId(String v) { commsHubId = v; }
    /** Type 1 devices (PPMID, HCALCS, bridges) already on that hub. */
    public int getType1DevicesOnHub() {
        if (type1DevicesOnHubLookup != null) {
            type1DevicesOnHub = type1DevicesOnHubLookup.getAsInt();
            type1DevicesOnHubLookup = null;
        }
        return type1DevicesOnHub;
    }
    public void setType1DevicesOnHub(int v) { type1DevicesOnHub = v; type1DevicesOnHubLookup = null; }
    /** Counts in the SMI only when a rule reads it. */
    public void setType1DevicesOnHubLookup(java.util.function.IntSupplier lookup) { type1DevicesOnHubLookup = lookup; }
    /** Whether the request adds a Type 1 device to the hub (pre-notification or join). */
    public boolean isAddsType1Device() { return addsType1Device; }
    public void setAddsType1Device(boolean v) { addsType1Device = v; }
}
