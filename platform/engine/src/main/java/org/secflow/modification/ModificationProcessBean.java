package org.secflow.modification;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.secflow.calendar.WorkingDays;

/**
 * What {@code bpmn/modification-lifecycle.bpmn} calls, as the bean {@value #BEAN} (registered with
 * {@link org.secflow.workflow.WorkflowEngine#registerBean}; names documented in {@code bpmn/README.md}):
 * <ul>
 *   <li>{@code ${modifications.enterStage(execution, 'REFINEMENT')}}: start listener of each stage element; sets the
 *       process variable {@value #STAGE}</li>
 *   <li>{@code ${modifications.openAppealWindow(execution)}}: start listener of the appeal window; sets
 *       {@value #APPEAL_WINDOW_END} = the decision's {@value #EVENT_DATE} + the configured Working Days</li>
 *   <li>{@code ${modifications.requireAppealWindowPassed(execution)}}: refuses (rolls the correlation back) an event
 *       whose {@value #EVENT_DATE} is not after {@value #APPEAL_WINDOW_END}</li>
 *   <li>{@code ${modifications.insideReferralWindow(execution)}}: gateway condition, true when {@value #EVENT_DATE} is
 *       on or before {@value #APPEAL_WINDOW_END} (an implementation inside the window is subject to referral)</li>
 *   <li>{@code ${modifications.requireInsideReferralWindow(execution)}}: refuses a referral dated after
 *       {@value #APPEAL_WINDOW_END}</li>
 * </ul>
 * Time is business time: the date carried by the event, never the wall clock. Dates are ISO strings in variables.
 */
public final class ModificationProcessBean {
    /** Bean name in BPMN expressions. */
    public static final String BEAN = "modifications";
    /** Process variable: current {@link ModificationStage} name. */
    public static final String STAGE = "stage";
    /** Process variable: ISO date of the event being correlated. */
    public static final String EVENT_DATE = "eventDate";
    /** Process variable: type of the event being correlated. */
    public static final String EVENT_TYPE = "eventType";
    /** Process variable: {@link ModificationPath} name, set by CONVERTED_TO_MODIFICATION_PROPOSAL. */
    public static final String PATH = "path";
    /** Process variable: {@link Outcome} name of the last vote or decision. */
    public static final String OUTCOME = "outcome";
    /** Process variable: the modification's reference (also the business key). */
    public static final String REFERENCE = "reference";
    /** Process variable: ISO date, last Working Day on which an appeal may be raised. */
    public static final String APPEAL_WINDOW_END = "appealWindowEnd";

    private final WorkingDays workingDays;
    private final int appealWindowWorkingDays;

    /**
     * @param workingDays England and Wales Working Days
     * @param appealWindowWorkingDays length of the Self-Governance appeal window in Working Days (configuration;
     *                                10 by default: "the 10 working day Self-Governance decision referral window",
     *                                SEC Panel paper, December 2020, MP139 section 6)
     */
    public ModificationProcessBean(WorkingDays workingDays, int appealWindowWorkingDays) {
        if (appealWindowWorkingDays < 1) {
            throw new IllegalArgumentException("appeal window must be at least 1 Working Day: " + appealWindowWorkingDays);
        }
        this.workingDays = workingDays;
        this.appealWindowWorkingDays = appealWindowWorkingDays;
    }

    /** Start listener of a stage element: records {@code stage} (a {@link ModificationStage} name). */
    public void enterStage(DelegateExecution execution, String stage) {
        execution.getProcessInstance().setVariable(STAGE, ModificationStage.valueOf(stage).name());
    }

    /** Start listener of the appeal window: its end is the decision date plus the configured Working Days. */
    public void openAppealWindow(DelegateExecution execution) {
        LocalDate decided = LocalDate.parse((String) execution.getVariable(EVENT_DATE));
        execution.getProcessInstance().setVariable(APPEAL_WINDOW_END, appealWindowEnd(decided).toString());
    }

    /** The last day of the appeal window of a decision taken on {@code decided}. */
    public LocalDate appealWindowEnd(LocalDate decided) {
        return workingDays.plus(decided, appealWindowWorkingDays);
    }

    /**
     * Refuses the event being correlated while the appeal window is open.
     *
     * @throws ProcessRefusal when the event's date is not after the window's end
     */
    public void requireAppealWindowPassed(DelegateExecution execution) {
        String end = (String) execution.getVariable(APPEAL_WINDOW_END);
        LocalDate date = LocalDate.parse((String) execution.getVariable(EVENT_DATE));
        if (end != null && !date.isAfter(LocalDate.parse(end))) {
            throw new ProcessRefusal("the appeal window to the Authority runs until " + end + " ("
                    + appealWindowWorkingDays + " Working Days after the Change Board decision); "
                    + execution.getVariable(EVENT_TYPE) + " on " + date + " is too early",
                    "a Self-Governance decision may be appealed for " + appealWindowWorkingDays
                            + " Working Days (modifications.appealWindowWorkingDays; SEC Panel paper, December 2020, MP139 section 6:"
                            + " \"the 10 working day Self-Governance decision referral window\")");
        }
    }

    /**
     * Whether the event being correlated is dated on or before the last day of the referral window: an IMPLEMENTED
     * inside it is accepted and stays subject to referral until the window's end ("one working day after the Change
     * Board vote ... before the 10 working day Self-Governance decision referral window closes. If the decision was
     * subsequently referred and overturned, the changes would be backed out of the SEC": SEC Panel paper, December
     * 2020, MP139 section 6).
     */
    public boolean insideReferralWindow(DelegateExecution execution) {
        String end = (String) execution.getVariable(APPEAL_WINDOW_END);
        LocalDate date = LocalDate.parse((String) execution.getVariable(EVENT_DATE));
        return end != null && !date.isAfter(LocalDate.parse(end));
    }

    /**
     * Refuses a referral to the Authority dated after the referral window.
     *
     * @throws ProcessRefusal when the event's date is after the window's last day
     */
    public void requireInsideReferralWindow(DelegateExecution execution) {
        if (!insideReferralWindow(execution)) {
            throw new ProcessRefusal("the referral window to the Authority ended on " + execution.getVariable(APPEAL_WINDOW_END)
                    + "; " + execution.getVariable(EVENT_TYPE) + " on " + execution.getVariable(EVENT_DATE) + " is too late",
                    "a Self-Governance decision may be referred to the Authority for " + appealWindowWorkingDays
                            + " Working Days after it (modifications.appealWindowWorkingDays; SEC Panel paper, December 2020,"
                            + " MP139 section 6: \"the 10 working day Self-Governance decision referral window\")");
        }
    }

    /** A rule of the process refused the event; Camunda rolls the correlation back. */
    public static final class ProcessRefusal extends RuntimeException {
        private final String rule;

        ProcessRefusal(String message, String rule) {
            super(message);
            this.rule = rule;
        }

        /** The rule and its source. */
        public String rule() {
            return rule;
        }
    }
}
