package org.secflow.tsat;

import java.util.Map;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * SQL of the TSAT report over the Communications Hubs of the SMI ({@code comms_hub}, V1__smart_metering_inventory.sql),
 * a Jdbi SqlObject. {@code scope}: a join and condition on the hub {@code h} naming {@code :party}, or nothing.
 */
interface HubVersions {

    /** A CHTS and GBCS version pair and how many hubs are on it. */
    record Pair(String chtsVersion, String gbcsVersion, long n) {
    }

    @SqlQuery("SELECT h.chts_version, h.gbcs_version, COUNT(*) AS n FROM comms_hub h<scope>"
            + " GROUP BY h.chts_version, h.gbcs_version ORDER BY h.chts_version, h.gbcs_version")
    @RegisterConstructorMapper(Pair.class)
    List<Pair> pairs(@Define("scope") String scope, @BindMap Map<String, Object> binds);

    /** A hub and its versions. */
    record Hub(String deviceId, String region, String chtsVersion, String gbcsVersion) {
    }

    /** Every hub in scope, by Device ID, streamed (the caller closes the stream). */
    @SqlQuery("SELECT h.device_id, h.region, h.chts_version, h.gbcs_version FROM comms_hub h<scope> ORDER BY h.device_id")
    @RegisterConstructorMapper(Hub.class)
    Stream<Hub> hubs(@Define("scope") String scope, @BindMap Map<String, Object> binds);
}
