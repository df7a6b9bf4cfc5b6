package org.secflow.modification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.secflow.access.User;
import org.secflow.problem.ConflictException;
import org.secflow.problem.ForbiddenException;
import org.secflow.problem.InvalidFieldException;
import org.secflow.problem.NotFoundException;
import org.secflow.modification.ModificationProcessBean.ProcessRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEC modifications (SEC Section D): raised, moved by dated events, viewed. The
 * lifecycle is the BPMN process {@code bpmn/modification-lifecycle.bpmn}: an event is allowed when the process
 * instance waits for the message of that name, so a designer's change to the file changes what is allowed.
 *
 * <p><b>No partial state.</b> Everything is checked before anything is written: the modification exists, the
 * fields fit the type and the dates lie in {@link BusinessDates}' range (422), the User may record the event
 * ({@link EventRecorders}, read from the BPMN; 403), the process waits for the event and the date is not earlier than
 * the last event (409 {@link EventRefusedException}). Then the message is correlated (Camunda commits its own transaction on its
 * own connection; a rule of the process that refuses, such as the appeal window, rolls the correlation back and
 * nothing is written), and after it, in one store transaction, the history row is inserted and the modification row
 * gets the stage the process reached. No store transaction is open while Camunda commits (one held across it can
 * deadlock an HSQLDB checkpoint). If the store's commit fails after Camunda has committed (the only window left),
 * the request fails with 500 and an ERROR log names the modification and the event; the process stays the truth
 * for stage and allowed events, and the history row is re-entered by an administrator. Requests that change
 * modifications are serialised (one at a time per platform).
 *
 * <p>About 350 lines, kept whole: each public operation (raise, post an event, complete a task, replay a timetable) is
 * the ordered sequence of checks, process correlation and one store transaction described above, under one lock;
 * what an event makes of the row is {@link ModificationRows}, the SQL {@link ModificationStore}. Splitting the
 * operations apart would spread that one order over several classes.
 */
public final class ModificationService {
    private static final Logger LOG = LoggerFactory.getLogger(ModificationService.class);
    /** History type of a user task completed without an event. */
    public static final String TASK_COMPLETED = "TASK_COMPLETED";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final org.jdbi.v3.core.Jdbi jdbi;
    private final ModificationStore store;
    private final ModificationProcess process;
    private final DecisionReleaseTarget releases;
    private final EventRecorders recorders;
    private final ModificationRows rows;
    private final Clock clock;
    private final Object lock = new Object();

    /**
     * @param jdbi the platform's store (tables from V6__modifications.sql)
     * @param engine the Camunda engine, with {@link ModificationProcessBean} registered as bean
     *               {@value ModificationProcessBean#BEAN} and the process deployed
     * @param releases release targeting at a decision
     * @param clock wall clock: audit times and "today" for live task completions only
     */
    public ModificationService(org.jdbi.v3.core.Jdbi jdbi, ProcessEngine engine, DecisionReleaseTarget releases, Clock clock) {
        this.jdbi = jdbi;
        this.store = jdbi.onDemand(ModificationStore.class);
        this.process = new ModificationProcess(engine);
        this.recorders = new EventRecorders(process);
        this.rows = new ModificationRows(store, process, releases);
        this.releases = releases;
        this.clock = clock;
    }

    /**
     * Raises a modification: stores it with its DRAFT_PROPOSAL_RAISED event and starts its process on the newest
     * version of {@code modification-lifecycle}. Any SEC Party User may raise a Draft Proposal (SEC Section D; every
     * authenticated User acts for a Party).
     *
     * @throws InvalidFieldException (422) when {@code raisedOn} or a recommended date is outside {@link BusinessDates}' range
     * @throws ConflictException (409) when the reference is already known (also as a converted DP's MP reference)
     */
    public ModificationView create(NewModification m, User user) {
        return create(m, user.userId());
    }

    private ModificationView create(NewModification m, String userId) {
        BusinessDates.check("raisedOn", m.raisedOn(), clock);
        checkDates(m.recommendation());
        synchronized (lock) {
            if (store.find(m.reference()).isPresent()) {
                throw new ConflictException("reference", "one modification per reference (a converted DPnnn is also MPnnn)",
                        "modification " + m.reference() + " already exists");
            }
            Instant now = clock.instant();
            // the process first, with no store transaction open (see the class comment); undone if the store fails
            Map<String, Object> vars = new HashMap<>();
            vars.put(ModificationProcessBean.REFERENCE, m.reference());
            vars.put(ModificationProcessBean.EVENT_TYPE, ModificationEventType.DRAFT_PROPOSAL_RAISED.name());
            vars.put(ModificationProcessBean.EVENT_DATE, m.raisedOn().toString());
            ProcessInstance pi = process.start(m.reference(), vars);
            try {
                ModificationStage stage = rows.stageOf(pi.getId(), ModificationStage.DRAFT_PROPOSAL);
                int version = process.version(pi.getProcessDefinitionId());
                jdbi.useTransaction(h -> {
                    ModificationStore tx = h.attach(ModificationStore.class);
                    tx.insert(m, ModificationStage.DRAFT_PROPOSAL, userId, now);
                    tx.append(m.reference(), ModificationEventType.DRAFT_PROPOSAL_RAISED.name(), m.raisedOn(), null,
                            null, null, null, null, null, stage, userId, now);
                    tx.setProcess(m.reference(), pi.getId(), version);
                    tx.setRecommendation(m.reference(), m.recommendation());
                    ModificationStore.Row row = tx.find(m.reference()).orElseThrow();
                    tx.update(ModificationRows.withStage(row, stage, pi.getId()));
                });
            } catch (RuntimeException e) {
                process.delete(pi.getId(), "store transaction failed: " + e.getMessage());
                throw e;
            }
            return view(m.reference());
        }
    }

    /**
     * Records an event, if the User may record it and the process allows it now.
     *
     * @param reference DP or MP reference
     * @return the modification after the event
     * @throws NotFoundException (404) when no modification has the reference
     * @throws InvalidFieldException (422) when a date is outside {@link BusinessDates}' range
     * @throws ForbiddenException (403) when the User is in none of the groups the BPMN names for the event
     * @throws EventRefusedException (409) when the process does not wait for this event, the date is earlier than
     *         the last event, no consultation is open for a CONSULTATION_CLOSED, or a rule of the process (the
     *         referral window) refuses it; nothing has changed
     */
    public ModificationView postEvent(String reference, ModificationEvent e, User user) {
        synchronized (lock) {
            record(reference, e, user);
            return view(reference);
        }
    }

    /** {@link #postEvent} without the view of the modification afterwards (a replay reads it once at the end). */
    private void record(String reference, ModificationEvent e, User user) {
        synchronized (lock) {
            ModificationStore.Row row = row(reference);
            BusinessDates.check("date", e.date(), clock);
            BusinessDates.check("endDate", e.endDate(), clock);
            if (e.recommendation() != null) {
                checkDates(e.recommendation());
            }
            recorders.require(user, row.processInstanceId(), row.reference(), e.type());
            String userId = user.userId();
            List<String> allowed = process.allowedEvents(row.processInstanceId());
            if (!allowed.contains(e.type().name())) {
                throw new EventRefusedException(row.reference(), row.stage(), allowed, "type",
                        "the process " + ModificationProcess.KEY + " v" + row.processDefinitionVersion()
                                + " allows only the listed events in this stage",
                        e.type() + " is not allowed for " + row.reference() + " in stage " + row.stage()
                                + "; allowed: " + allowed);
            }
            LocalDate last = store.lastEventDate(row.reference());
            if (last != null && e.date().isBefore(last)) {
                throw new EventRefusedException(row.reference(), row.stage(), allowed, "date",
                        "events are recorded in date order (business time)",
                        e.type() + " on " + e.date() + " is earlier than the last event of " + row.reference() + " (" + last + ")");
            }
            if (e.type() == ModificationEventType.CONSULTATION_CLOSED && rows.openConsultation(row) == null) {
                throw new EventRefusedException(row.reference(), row.stage(), allowed, "type",
                        "CONSULTATION_CLOSED closes a consultation recorded without its end date",
                        "no consultation of " + row.reference() + " is open in stage " + row.stage());
            }
            String alias = rows.aliasAfter(row, e);
            record(row, e, alias, userId, e.type().name(), () -> process.correlate(row.processInstanceId(), e.type().name(), variables(e)));
        }
    }

    private void checkDates(ReleaseRecommendation r) {
        for (RecommendedRelease o : r.options()) {
            BusinessDates.check("recommendation", o.implementationDate(), clock);
            BusinessDates.check("recommendation", o.decisionCutOff(), clock);
        }
    }

    /**
     * Replays a timetable (an {@code examples/modifications/*.json} file) through this service as the Code
     * Administrator ({@code userId} in group {@code secas}): creates the modification, then posts each event in order; a
     * refused event is reported and the replay goes on.
     */
    public ReplayResult replay(ModificationTimetable t, String userId) {
        List<ReplayResult.Refused> refused = new java.util.ArrayList<>();
        User secas = new User(userId, "replay as the Code Administrator", "SECAS", null, null, java.util.Set.of("secas"));
        create(new NewModification(t.reference(), t.title(), t.proposer(), t.raisedOn(), t.scope(), t.recommendation()), secas);
        for (int i = 0; i < t.events().size(); i++) {
            ModificationEvent e = t.events().get(i);
            try {
                record(t.reference(), e, secas);
            } catch (org.secflow.problem.DomainProblem p) {
                refused.add(new ReplayResult.Refused(i, e.type().name(), e.date(), p.status(), p.getMessage()));
            }
        }
        ModificationView v = view(t.reference());
        return new ReplayResult(v.reference(), v.aliasReference(), v.stage().name(), t.expectedFinalStage(), v.targetRelease(), refused);
    }

    /**
     * The SEC Release the modification would target if approved on {@code decided}, for its stored scope (release
     * targeting, asked; nothing is stored).
     *
     * @return the release (name and go-live day), or empty when none fits
     * @throws NotFoundException (404) when no modification has the reference
     */
    public java.util.Optional<TargetRelease> targetIfDecidedOn(String reference, LocalDate decided) {
        ModificationStore.Row r = row(reference);
        return releases.target(r.reference(), decided, r.scope(), store.recommendation(r.reference()));
    }

    /** Whether a modification is known under this DP or MP reference. */
    public boolean exists(String reference) {
        return store.find(reference).isPresent();
    }

    /** The modification under a DP or MP reference. @throws NotFoundException (404) when unknown */
    public ModificationView view(String reference) {
        ModificationStore.Row r = row(reference);
        boolean running = r.status().equals("OPEN");
        HistoryEntry open = rows.openConsultation(r);
        return new ModificationView(r.reference(), r.alias(), r.title(), r.proposer(), r.raisedOn(), r.scope(),
                store.recommendation(r.reference()), r.stage(),
                r.path(), r.status(), r.targetRelease(), r.targetImplementationDate(), r.appealWindowEnd(),
                running && r.stage() == ModificationStage.IMPLEMENTED ? r.appealWindowEnd() : null,
                open == null ? null : new ModificationView.OpenConsultation(open.type(), open.date()),
                r.processDefinitionVersion(),
                running ? process.allowedEvents(r.processInstanceId()) : List.of(),
                running ? process.tasks(r.processInstanceId(), r.reference()) : List.of(), store.history(r.reference()));
    }

    /** Every modification (in {@code stage} when not null), by reference. */
    public List<ModificationView> list(ModificationStage stage) {
        return store.list(stage).stream().map(r -> view(r.reference())).toList();
    }

    /** Open tasks of the modifications for the User's groups (every task for an admin). */
    public List<ModificationTask> tasks(User user) {
        return process.tasks(user.platformRoles().contains(org.secflow.access.PlatformRole.ADMIN) ? null : user.groups());
    }

    /**
     * Completes a user task: a task whose BPMN names {@code secflow.completesWith} posts that event (with the
     * fields of {@code c}); any other task completes and is recorded as {@value #TASK_COMPLETED}.
     *
     * @throws NotFoundException (404) when no open modification task has the id
     * @throws ForbiddenException (403) when the User is in none of the task's candidate groups (admins may act)
     * @throws EventRefusedException (409) as {@link #postEvent}
     */
    public ModificationView completeTask(String taskId, User user, TaskCompletion c) {
        synchronized (lock) {
            ModificationTask t = process.task(taskId)
                    .orElseThrow(() -> new NotFoundException("id", "no open modification task " + taskId));
            if (!user.inAnyGroup(t.candidateGroups())) {
                throw new ForbiddenException("only a member of a candidate group " + t.candidateGroups() + " may complete the task",
                        "user " + user.userId() + " (groups " + user.groups() + ") may not complete task '" + t.name() + "'");
            }
            LocalDate date = c.date() != null ? c.date() : LocalDate.now(clock.withZone(UK));
            if (t.completesWith() != null) {
                ModificationEvent e = new ModificationEvent(ModificationEventType.valueOf(t.completesWith()), date,
                        c.endDate(), c.body(), c.outcome(), c.path(), c.release(),
                        c.source() != null ? c.source() : "task '" + t.name() + "' completed by " + user.userId());
                return postEvent(t.reference(), e, user);
            }
            BusinessDates.check("date", date, clock);
            ModificationStore.Row row = row(t.reference());
            LocalDate last = store.lastEventDate(row.reference());
            if (last != null && date.isBefore(last)) {
                throw new EventRefusedException(row.reference(), row.stage(), process.allowedEvents(row.processInstanceId()),
                        "date", "events are recorded in date order (business time)",
                        "completing '" + t.name() + "' on " + date + " is earlier than the last event (" + last + ")");
            }
            // carries the completion's fields into the history row, recorded as TASK_COMPLETED (its type is not used)
            ModificationEvent asEvent = new ModificationEvent(ModificationEventType.PRESENTED_TO_CSC, date, c.endDate(),
                    t.name(), null, null, null, c.source());
            Map<String, Object> vars = Map.of(ModificationProcessBean.EVENT_TYPE, TASK_COMPLETED,
                    ModificationProcessBean.EVENT_DATE, date.toString());
            record(row, asEvent, row.alias(), user.userId(), TASK_COMPLETED, () -> process.complete(taskId, vars));
            return view(row.reference());
        }
    }

    private void record(ModificationStore.Row row, ModificationEvent e, String alias, String userId,
                        String type, Runnable move) {
        Instant now = clock.instant();
        // the process first, with no store transaction open: Camunda commits on its own connection, and a store
        // transaction held across that commit can deadlock an HSQLDB checkpoint that the commit starts
        try {
            move.run();
        } catch (ProcessRefusal | org.camunda.bpm.engine.ProcessEngineException ex) {
            throw refusal(row, e, ex);
        }
        try {
            ModificationStage stage = rows.stageOf(row.processInstanceId(), row.stage());
            ModificationStore.Row next = rows.after(row, e, stage, alias);
            jdbi.useTransaction(h -> {
                ModificationStore tx = h.attach(ModificationStore.class);
                HistoryEntry entry = tx.append(row.reference(), type, e.date(), e.endDate(), e.body(), e.outcome(),
                        e.path(), e.release(), e.source(), row.stage(), userId, now);
                tx.setStageAfter(row.reference(), entry.seq(), stage.name());
                tx.update(next);
                if (e.recommendation() != null) {
                    tx.setRecommendation(row.reference(), e.recommendation());
                }
            });
        } catch (RuntimeException ex) {
            LOG.error("modification {}: the process took {} on {} but the store did not record it; re-enter the history row",
                    row.reference(), type, e.date(), ex);
            throw ex;
        }
    }

    private RuntimeException refusal(ModificationStore.Row row, ModificationEvent e, RuntimeException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ProcessRefusal r) {
                return new EventRefusedException(row.reference(), row.stage(), process.allowedEvents(row.processInstanceId()),
                        "date", r.rule(), r.getMessage());
            }
            if (t instanceof org.secflow.problem.DomainProblem p) {
                return p;
            }
        }
        if (ex instanceof MismatchingMessageCorrelationException) {
            List<String> allowed = process.allowedEvents(row.processInstanceId());
            return new EventRefusedException(row.reference(), row.stage(), allowed, "type",
                    "the process allows only the listed events in this stage",
                    e.type() + " is not allowed for " + row.reference() + " in stage " + row.stage() + "; allowed: " + allowed);
        }
        return ex;
    }

    private static Map<String, Object> variables(ModificationEvent e) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(ModificationProcessBean.EVENT_TYPE, e.type().name());
        vars.put(ModificationProcessBean.EVENT_DATE, e.date().toString());
        if (e.path() != null) {
            vars.put(ModificationProcessBean.PATH, e.path().name());
        }
        if (e.outcome() != null) {
            vars.put(ModificationProcessBean.OUTCOME, e.outcome().name());
        }
        return vars;
    }

    private ModificationStore.Row row(String reference) {
        return store.find(reference).orElseThrow(() -> new NotFoundException("reference", "no modification " + reference));
    }
}
