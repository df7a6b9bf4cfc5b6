package org.secflow.inventory;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Counts and summaries of the Smart Metering Inventory (Jdbi SqlObject), for health and the demo. */
public interface SmiCounts {

    @SqlQuery("SELECT COUNT(*) FROM premises")
    long premises();

    @SqlQuery("SELECT COUNT(*) FROM comms_hub")
    long commsHubs();

    @SqlQuery("SELECT COUNT(*) FROM device")
    long devices();

    @SqlQuery("SELECT COUNT(*) FROM firmware_image")
    long firmwareImages();

    /**
     * The Alt HAN bridge models of a Supplier's premises (manufacturer, model, variant), the most common first (then
     * by model name); empty when it has none.
     */
    @SqlQuery("""
            SELECT d.manufacturer, d.model, d.alt_han_variant FROM device d JOIN premises p ON p.premises_id = d.premises_id
             WHERE d.alt_han_variant IS NOT NULL AND (p.import_supplier = :party OR p.gas_supplier = :party)
             GROUP BY d.manufacturer, d.model, d.alt_han_variant ORDER BY COUNT(*) DESC, d.model""")
    @RegisterConstructorMapper(BridgeModel.class)
    List<BridgeModel> altHanBridgeModelsByCount(String party);

    /**
     * An Alt HAN bridge model.
     *
     * @param manufacturer manufacturer name
     * @param model model name
     * @param altHanVariant the {@link org.secflow.spi.AltHanDeviceVariant} name
     */
    record BridgeModel(String manufacturer, String model, String altHanVariant) {
    }
}
