// SEC modifications: the list by stage, a modification page (timeline, diagram with the current stage, the events
// the User may record now, the open tasks of the User's groups, target SEC Release and appeal window) and the
// User's task list.
import { useState } from 'preact/hooks';
import { post, query } from '../api.js';
import { BpmnDiagram } from '../diagram.js';
import {
  Facts, Field, Loading, ProblemBox, fmtDate, fmtTime, href, html, navigate, useAction, useApi,
} from '../ui.js';

const STAGES = ['DRAFT_PROPOSAL', 'REFINEMENT', 'REPORT_PHASE', 'CHANGE_BOARD', 'AUTHORITY_DECISION', 'APPEAL_WINDOW',
  'APPROVED', 'IMPLEMENTED', 'REJECTED', 'WITHDRAWN'];
const PATHS = ['SELF_GOVERNANCE', 'AUTHORITY_DETERMINATION', 'AUTHORITY_LED', 'FAST_TRACK'];
const today = () => new Date().toISOString().slice(0, 10);

export function ModificationList() {
  const [stage, setStage] = useState('');
  const { data, problem, loading, reload } = useApi(`/modifications${query({ stage })}`, 10000);
  return html`<section>
    <h1>Modifications</h1>
    <${Field} as="select" label="Stage" name="stage" value=${stage} onChange=${(e) => setStage(e.target.value)}>
      <option value="">every stage</option>
      ${STAGES.map((s) => html`<option value=${s}>${s}</option>`)}
    </${Field}>
    <${ProblemBox} problem=${problem} />
    ${loading ? html`<${Loading} what="modifications" />` : null}
    ${data ? html`<table class="list" id="modification-list">
      <caption class="sr-only">Modifications${stage ? ` in ${stage}` : ''}</caption>
      <thead><tr><th scope="col">Reference</th><th scope="col">Title</th><th scope="col">Stage</th><th scope="col">Path</th>
        <th scope="col">Target SEC Release</th><th scope="col">Appeal window ends</th><th scope="col">Status</th></tr></thead>
      <tbody>${data.length ? data.map((m) => html`<tr data-reference=${m.reference}>
        <td><a href=${href(`/modifications/${m.reference}`)}>${m.aliasReference ? `${m.aliasReference} (${m.reference})` : m.reference}</a></td>
        <td>${m.title}</td><td><span class="state">${m.stage}</span></td><td>${m.path || '—'}</td>
        <td>${m.targetRelease || '—'}</td><td>${fmtDate(m.appealWindowEnd)}</td><td>${m.status}</td></tr>`)
        : html`<tr><td colspan="7" class="muted">None.</td></tr>`}</tbody>
    </table>` : null}
    <${RaiseForm} onRaised=${reload} />
  </section>`;
}

function RaiseForm({ onRaised }) {
  const [f, setF] = useState({ reference: '', title: '', proposer: '', raisedOn: today() });
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const [raise, state] = useAction(async () => {
    const m = await post('/modifications', f);
    onRaised();
    navigate(`/modifications/${m.reference}`);
    return m;
  });
  return html`<details class="panel"><summary>Raise a Draft Proposal</summary>
    <form class="form" onSubmit=${(e) => { e.preventDefault(); raise(); }}>
      <${Field} label="Reference" hint="DPnnn" required pattern="DP[0-9]+" value=${f.reference} onInput=${set('reference')} />
      <${Field} label="Title" required value=${f.title} onInput=${set('title')} />
      <${Field} label="Proposer" required value=${f.proposer} onInput=${set('proposer')} />
      <${Field} label="Raised on" type="date" required value=${f.raisedOn} onInput=${set('raisedOn')} />
      <${ProblemBox} problem=${state.problem} />
      <button type="submit" disabled=${state.busy}>Raise</button>
    </form></details>`;
}

/** The fields an event or a task completion may carry. */
function EventFields({ f, set, withType, allowed }) {
  return html`
    ${withType ? html`<${Field} as="select" label="Event" name="type" required value=${f.type} onChange=${set('type')}>
      <option value="">— choose —</option>${allowed.map((t) => html`<option value=${t}>${t}</option>`)}</${Field}>` : null}
    <${Field} label="Date" type="date" name="date" required value=${f.date} onInput=${set('date')} />
    <${Field} label="End date" type="date" name="endDate" hint="consultations and other periods" value=${f.endDate} onInput=${set('endDate')} />
    <${Field} as="select" label="Outcome" name="outcome" hint="votes and decisions" value=${f.outcome} onChange=${set('outcome')}>
      <option value="">—</option><option value="APPROVED">APPROVED</option><option value="REJECTED">REJECTED</option></${Field}>
    <${Field} as="select" label="Path" name="path" hint="conversion to a Modification Proposal" value=${f.path} onChange=${set('path')}>
      <option value="">—</option>${PATHS.map((p) => html`<option value=${p}>${p}</option>`)}</${Field}>
    <${Field} label="SEC Release" name="release" hint="IMPLEMENTED" value=${f.release} onInput=${set('release')} />
    <${Field} label="Body" name="body" hint="who decided or discussed" value=${f.body} onInput=${set('body')} />
    <${Field} label="Source" name="source" hint="public document and section" value=${f.source} onInput=${set('source')} />`;
}

const clean = (f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== ''));
const empty = () => ({ type: '', date: today(), endDate: '', outcome: '', path: '', release: '', body: '', source: '' });

export function ModificationPage({ reference, me }) {
  const m = useApi(`/modifications/${encodeURIComponent(reference)}`, 5000);
  const path = useApi(`/modifications/${encodeURIComponent(reference)}/process`, 5000);
  const version = path.data?.processDefinitionVersion;
  const diagram = useApi(version ? `/processes/modification-lifecycle/diagram${query({ version })}` : null);
  const [f, setF] = useState(empty());
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const refresh = () => {
    m.reload();
    path.reload();
  };
  const [record, rec] = useAction(async () => {
    const { type, ...rest } = clean(f);
    const r = await post(`/modifications/${encodeURIComponent(reference)}/events`, { type, ...rest });
    setF(empty());
    refresh();
    return r;
  });
  if (!m.data) {
    return html`<section><h1>Modification ${reference}</h1><${ProblemBox} problem=${m.problem} notFound=${`No modification ${reference}.`} />
      ${m.loading ? html`<${Loading} what="modification" />` : null}</section>`;
  }
  const v = m.data;
  return html`<section>
    <p><a href=${href('/modifications')}>← Modifications</a></p>
    <div class="title-row"><h1>${v.aliasReference ? `${v.aliasReference} (${v.reference})` : v.reference}: ${v.title}</h1>
      <span id="modification-stage" class="state">${v.stage}</span></div>
    <${Facts} items=${[
      ['Stage', v.stage], ['Path', v.path], ['Status', v.status], ['Proposer', v.proposer], ['Raised on', fmtDate(v.raisedOn)],
      ['Target SEC Release', v.targetRelease ? `${v.targetRelease} (go-live ${fmtDate(v.targetImplementationDate)})` : null],
      ['Appeal window ends', v.appealWindowEnd ? `${fmtDate(v.appealWindowEnd)} (last Working Day for a referral to the Authority)` : null],
      ['Process version', v.processDefinitionVersion],
    ]} />
    <h2>Open tasks</h2>
    ${v.openTasks.length ? html`<ul class="tasks">${v.openTasks.map((t) => html`<li><${TaskItem} task=${t} me=${me} onDone=${refresh} /></li>`)}</ul>`
      : html`<p class="muted">No open task.</p>`}
    <h2>Record an event</h2>
    ${v.allowedEvents.length ? html`<form class="form" id="event-form" onSubmit=${(e) => { e.preventDefault(); record(); }}>
      <p class="muted">The process allows now: ${v.allowedEvents.join(', ')}.</p>
      <${EventFields} f=${f} set=${set} withType=${true} allowed=${v.allowedEvents} />
      <${ProblemBox} problem=${rec.problem} />
      <button type="submit" disabled=${rec.busy}>Record event</button>
    </form>` : html`<p class="muted">The process allows no event now.</p>`}
    <h2>Lifecycle</h2>
    ${diagram.data ? html`<${BpmnDiagram} xml=${diagram.data.xml} active=${path.data?.active}
      passed=${(path.data?.passed || []).map((p) => p.activityId)} title=${`modification lifecycle version ${version}, current stage marked`} />`
      : html`<p class="muted">Loading the diagram…</p>`}
    <h2>Timeline</h2>
    <ol class="timeline" id="modification-timeline">${v.history.map((e) => html`<li>
      <strong>${fmtDate(e.date)}${e.endDate ? ` – ${fmtDate(e.endDate)}` : ''}</strong> <code>${e.type}</code>
      ${e.outcome ? html` <span class="tag">${e.outcome}</span>` : null}${e.path ? html` <span class="tag">${e.path}</span>` : null}
      ${e.release ? html` <span class="tag">${e.release}</span>` : null}
      ${e.body ? html` — ${e.body}` : null}
      ${e.stageAfter ? html` → <span class="state">${e.stageAfter}</span>` : null}
      <div class="muted">${e.source ? html`Source: ${e.source}. ` : null}Recorded by ${e.recordedBy} at ${fmtTime(e.recordedAt)}</div>
    </li>`)}</ol>
  </section>`;
}

function TaskItem({ task, me, onDone }) {
  const [open, setOpen] = useState(false);
  const [f, setF] = useState(empty());
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const mayAct = me && ((me.platformRoles || []).includes('ADMIN') || task.candidateGroups.some((g) => (me.groups || []).includes(g)));
  const [complete, st] = useAction(async () => {
    const { type, ...body } = clean(f);
    const r = await post(`/tasks/${encodeURIComponent(task.id)}/complete`, body);
    setOpen(false);
    onDone && onDone(r);
    return r;
  });
  return html`<div class="task" data-task=${task.taskKey}>
    <strong>${task.name}</strong> <span class="muted">(${task.reference}; groups ${task.candidateGroups.join(', ')}${task.completesWith ? `; completes with ${task.completesWith}` : ''}; since ${fmtTime(task.created)})</span>
    ${mayAct ? html` <button aria-expanded=${open} onClick=${() => setOpen(!open)}>Complete…</button>` : html` <span class="muted">not one of your groups' tasks</span>`}
    ${open ? html`<form class="form" onSubmit=${(e) => { e.preventDefault(); complete(); }}>
      <${EventFields} f=${f} set=${set} withType=${false} allowed=${[]} />
      <${ProblemBox} problem=${st.problem} />
      <button type="submit" disabled=${st.busy}>Complete task</button>
    </form>` : null}
  </div>`;
}

export function TaskList({ me }) {
  const { data, problem, loading, reload } = useApi('/tasks', 10000);
  return html`<section>
    <h1>My tasks</h1>
    <p class="muted">Open tasks of your groups: ${(me?.groups || []).join(', ') || 'none'}.</p>
    <${ProblemBox} problem=${problem} />
    ${loading ? html`<${Loading} what="tasks" />` : null}
    ${data ? (data.length ? html`<ul class="tasks">${data.map((t) => html`<li>
      <a href=${href(`/modifications/${t.reference}`)}>${t.reference}</a>: <${TaskItem} task=${t} me=${me} onDone=${reload} /></li>`)}</ul>`
      : html`<p>No open task.</p>`) : null}
  </section>`;
}
