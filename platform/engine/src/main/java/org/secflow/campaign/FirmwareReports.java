package org.secflow.campaign;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The firmware reports of a campaign (campaign step 8, docs/architecture.md; DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1 business requirements; SEC Section H13 as quoted in the SEC Panel paper, June 2021).
 * Numbers come from the SMI and the campaign store at the time asked.
 */
public final class FirmwareReports {
    private final Jdbi jdbi;

    public FirmwareReports(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * BR4, the DCC-to-AltHANCo report: deployed firmware versions of Alt HAN bridges per Alt HAN Device Variant,
     * manufacturer and model, from the SMI.
     *
     * @return rows {@code {altHanDeviceVariant, manufacturer, model, firmwareVersion, devices}}
     */
    public List<Map<String, Object>> deployedVersions() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT alt_han_variant, manufacturer, model, firmware_version, COUNT(*) FROM device
                         WHERE alt_han_variant IS NOT NULL
                         GROUP BY alt_han_variant, manufacturer, model, firmware_version ORDER BY 1, 2, 3, 4""")
                .map((rs, ctx) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("altHanDeviceVariant", rs.getString(1));
                    m.put("manufacturer", rs.getString(2));
                    m.put("model", rs.getString(3));
                    m.put("firmwareVersion", rs.getString(4));
                    m.put("devices", rs.getLong(5));
                    return m;
                }).list());
    }

    /**
     * BR3, the Supplier's notification to AltHANCo for one campaign: every Alt HAN bridge whose new version is
     * confirmed, with variant, version and date.
     *
     * @return rows {@code {deviceId, altHanDeviceVariant, firmwareVersion, confirmedAt}}
     */
    public List<Map<String, Object>> altHanCoNotification(String campaignId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT cd.device_id, cd.alt_han_variant, c.image_version, cd.updated_at
                          FROM campaign_device cd JOIN firmware_campaign c ON c.campaign_id = cd.campaign_id
                         WHERE cd.campaign_id = :id AND cd.state = 'CONFIRMED' AND cd.alt_han_variant IS NOT NULL
                         ORDER BY cd.device_id""")
                .bind("id", campaignId)
                .map((rs, ctx) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("deviceId", rs.getString(1));
                    m.put("altHanDeviceVariant", rs.getString(2));
                    m.put("firmwareVersion", rs.getString(3));
                    m.put("confirmedAt", rs.getTimestamp(4).toInstant());
                    return m;
                }).list());
    }

    /**
     * The firmware performance measures of a month (SEC H13, SEC Panel paper, June 2021), per Alt HAN Device Variant ("PPMID" for
     * plain PPMIDs), over devices whose campaign outcome was reached in that month (UTC): delivery success =
     * delivered (CONFIRMED or ACTIVATION_FAILED) / (delivered + DELIVERY_FAILED + TIMED_OUT after sending);
     * activation success = CONFIRMED / delivered. Percentages with one decimal, null when nothing was sent.
     */
    public List<Map<String, Object>> performance(YearMonth month) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COALESCE(alt_han_variant, 'PPMID'),
                               SUM(CASE WHEN state = 'CONFIRMED' THEN 1 ELSE 0 END),
                               SUM(CASE WHEN state = 'ACTIVATION_FAILED' THEN 1 ELSE 0 END),
                               SUM(CASE WHEN state IN ('DELIVERY_FAILED', 'TIMED_OUT') THEN 1 ELSE 0 END)
                          FROM campaign_device
                         WHERE sent_count > 0 AND updated_at >= :from AND updated_at < :to
                           AND state IN ('CONFIRMED', 'ACTIVATION_FAILED', 'DELIVERY_FAILED', 'TIMED_OUT')
                         GROUP BY COALESCE(alt_han_variant, 'PPMID') ORDER BY 1""")
                .bind("from", java.sql.Timestamp.valueOf(month.atDay(1).atStartOfDay()))
                .bind("to", java.sql.Timestamp.valueOf(month.plusMonths(1).atDay(1).atStartOfDay()))
                .map((rs, ctx) -> {
                    long confirmed = rs.getLong(2);
                    long delivered = confirmed + rs.getLong(3);
                    long notDelivered = rs.getLong(4);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("month", month.toString());
                    m.put("variant", rs.getString(1));
                    m.put("delivered", delivered);
                    m.put("notDelivered", notDelivered);
                    m.put("confirmed", confirmed);
                    m.put("deliverySuccessPercent", percent(delivered, delivered + notDelivered));
                    m.put("activationSuccessPercent", percent(confirmed, delivered));
                    return m;
                }).list());
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
