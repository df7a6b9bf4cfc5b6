package org.secflow.campaign;

/**
 * A device of a campaign as the sending loop holds it in memory (the store holds the truth).
 *
 * @param deviceId EUI-64 of the PPMID or Alt HAN bridge
 * @param hubId its Communications Hub (the HAN), or null
 * @param batteryPowered whether it is a battery-powered Alt HAN bridge (BR10: battery read before sending)
 * @param attempts resends so far
 */
record CampaignDevice(String deviceId, String hubId, boolean batteryPowered, int attempts) {
    CampaignDevice nextAttempt() {
        return new CampaignDevice(deviceId, hubId, batteryPowered, attempts + 1);
    }
}
