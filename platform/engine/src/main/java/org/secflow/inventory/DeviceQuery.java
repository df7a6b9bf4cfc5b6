package org.secflow.inventory;

import org.secflow.problem.InvalidFieldException;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Region;

/**
 * Filters and page of a device list. Null filters match everything.
 *
 * @param deviceType only this type
 * @param altHanDeviceVariant only bridges of this variant
 * @param region only devices on hubs of this region
 * @param firmwareVersion only this firmware version
 * @param commsHubId only devices on this hub's HAN
 * @param page zero-based page number
 * @param size page size, 1 to {@value #MAX_SIZE}
 */
public record DeviceQuery(DeviceType deviceType, AltHanDeviceVariant altHanDeviceVariant, Region region,
                          String firmwareVersion, String commsHubId, int page, int size) {
    /** Largest page. */
    public static final int MAX_SIZE = 500;

    /** Largest page number: pages beyond the largest estate are empty, and the offset stays within range. */
    public static final int MAX_PAGE = 1_000_000;

    public DeviceQuery {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidFieldException("page", "page is 0 to " + MAX_PAGE, "page " + page + " is out of range");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "page size is 1 to " + MAX_SIZE, "size " + size + " is out of range");
        }
    }
}
