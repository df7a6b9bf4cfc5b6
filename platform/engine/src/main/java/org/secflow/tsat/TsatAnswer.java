package org.secflow.tsat;

import java.util.ArrayList;
import java.util.List;

/** Rule fact collecting what rules/tsat.drl found for one {@link TsatQuestion}. Not thread-safe; one per check. */
public final class TsatAnswer {
    private final List<TsatVerdict> verdicts = new ArrayList<>();

    /** Records a finding: the status, the rule id, why, and the row's source. */
    public void find(String status, String ruleId, String message, String source) {
        verdicts.add(new TsatVerdict(TsatStatus.valueOf(status), ruleId, message, source));
    }

    public List<TsatVerdict> getVerdicts() {
        return List.copyOf(verdicts);
    }
}
