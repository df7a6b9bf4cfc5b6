package org.secflow.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleFinding;
import org.secflow.rules.RuleLoader;
import org.secflow.servicerequest.RuleEvaluator;
import org.secflow.servicerequest.ServiceRequestFact;

/**
 * The benchmark's plain-Java baseline cites the same documents as the rule files: for every rule id both report on a
 * request of the benchmark's mix, the source (public title and section) is the same text, word for word. The real
 * {@code rules/} folder, loaded by the production {@link RuleLoader}.
 */
class PlainJavaRulesTest {
    private static final Path RULES = Path.of(System.getProperty("secflow.rules", "../../rules"));

    @Test
    void theBaselineAndTheRuleFilesCiteTheSameSourceForEveryRuleBothReport() throws IOException {
        LoadedRules rules = new RuleLoader(Clock.systemUTC()).load(RULES);
        PlainJavaRules plain = new PlainJavaRules(RULES);
        Set<String> compared = new TreeSet<>();
        List<String> different = new ArrayList<>();
        List<ServiceRequestFact> facts = new ArrayList<>(RulesBenchmark.facts(plain.srvs(), 4096, 7));
        facts.add(bridgePreNotifiedWithoutVariant());
        for (ServiceRequestFact f : facts) {
            Map<String, String> byRules = sources(RuleEvaluator.evaluate(rules, f).getViolations());
            for (Map.Entry<String, String> p : sources(plain.check(f)).entrySet()) {
                String fromRules = byRules.get(p.getKey());
                if (fromRules != null) {
                    compared.add(p.getKey());
                    if (!fromRules.equals(p.getValue())) {
                        different.add(p.getKey() + ": rules '" + fromRules + "', baseline '" + p.getValue() + "'");
                    }
                }
            }
        }
        assertThat(different).isEmpty();
        assertThat(compared).as("rule ids both reported").contains("ALTHAN-12.2-VARIANT", "ALTHAN-JOIN-UNJOIN",
                "ALTHAN-11.4-DEVICE-TYPE", "ALTHAN-11.4-TCSO", "ALTHAN-11.4-IN-PROGRESS", "ALTHAN-11.4-KNOWN-IMAGE",
                "ALTHAN-11.4-IMAGE-APPLICABLE", "ALTHAN-TYPE1-LIMIT", "SRV-ROLE", "SRV-TARGET");
    }

    /** SRV 12.2 for an Alt HAN bridge without its variant, which the benchmark's mix never sends. */
    private static ServiceRequestFact bridgePreNotifiedWithoutVariant() {
        ServiceRequestFact f = new ServiceRequestFact();
        f.setSrv("12.2");
        f.setRole("IS");
        f.setUserParty("SUPPLIER-A");
        f.setImportSupplier("SUPPLIER-A");
        f.setDeviceId("00-DB-00-00-00-00-FF-FF");
        f.setDeviceType("PPMID");
        f.setAltHanDevice(true);
        f.setRequestDate(java.time.LocalDate.of(2025, 6, 2));
        return f;
    }

    private static Map<String, String> sources(List<RuleFinding> findings) {
        Map<String, String> out = new HashMap<>();
        findings.forEach(f -> out.put(f.ruleId(), f.source()));
        return out;
    }
}
