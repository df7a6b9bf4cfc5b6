package org.secflow.tsat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleBase;
import org.secflow.rules.RuleSessions;

/**
 * Checks a Communications Hub's CHTS and GBCS version against the TSAT (SEC Schedule 11; rules/tsat.drl over the
 * table rules/tsat.csv): {@code TSAT-IVP} refuses an installation outside the Installation Validity Period,
 * {@code TSAT-GBCS-APPLICABILITY} a GBCS version past its Applicability Period, {@code TSAT-MVP} reports an
 * installed hub past its Maintenance Validity Period. Thread-safe.
 */
public final class TsatCheck {
    private TsatCheck() {
    }

    /** With the rules in service and the table of their directory, read now. */
    public static TsatVerdict check(RuleBase rules, String chts, String gbcs, LocalDate date, boolean installation) {
        return check(rules.current(), TsatTable.inRulesDirectory(rules.directory()), chts, gbcs, date, installation);
    }

    /** With {@code rules} and the table of {@code rulesDir}, read now. */
    public static TsatVerdict check(LoadedRules rules, Path rulesDir, String chts, String gbcs, LocalDate date, boolean installation) {
        return check(rules, TsatTable.inRulesDirectory(rulesDir), chts, gbcs, date, installation);
    }

    /**
     * The most severe finding of the rules.
     *
     * @throws IllegalStateException when no TSAT rule answered (rules/tsat.drl missing from the rules)
     */
    public static TsatVerdict check(LoadedRules rules, TsatTable table, String chts, String gbcs, LocalDate date, boolean installation) {
        Objects.requireNonNull(date, "date");
        TsatAnswer answer = new TsatAnswer();
        List<Object> facts = new ArrayList<>();
        table.rows().forEach(r -> facts.add(new TsatRowFact(r)));
        facts.add(new TsatQuestion(chts, gbcs, date, installation));
        facts.add(answer);
        RuleSessions.fire(rules, facts);
        return answer.getVerdicts().stream().max(Comparator.comparingInt(v -> v.status().severity()))
                .orElseThrow(() -> new IllegalStateException("no TSAT rule answered for CHTS " + chts + " / GBCS " + gbcs
                        + " on " + date + ": is rules/tsat.drl in the rules directory?"));
    }
}
