// Planned Maintenance: a month view of the stored windows by impact, and a schedule validation form whose
// violations are shown on their windows.
import { useState } from 'preact/hooks';
import { post, query } from '../api.js';
import { Field, Loading, ProblemBox, html, useAction, useApi } from '../ui.js';

const SERVICES = ['END_TO_END_COMMUNICATIONS', 'INSTALL_AND_COMMISSION', 'SMETS1_MIGRATIONS', 'SELF_SERVICE_INTERFACE', 'OTHER_SERVICES'];
const pad = (n) => String(n).padStart(2, '0');
const thisMonth = () => new Date().toISOString().slice(0, 7);

function nextMonth(m) {
  const [y, mo] = m.split('-').map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${pad(mo + 1)}`;
}

export function MaintenancePage({ params }) {
  const [month, setMonth] = useState(params?.get('month') || thisMonth());
  const valid = /^\d{4}-\d{2}$/.test(month);
  const { data, problem, loading } = useApi(valid ? `/maintenance/windows${query({ from: `${month}-01`, to: `${nextMonth(month)}-01` })}` : null);
  return html`<section>
    <h1>Planned Maintenance</h1>
    <${Field} label="Month" type="month" name="month" value=${month} onInput=${(e) => setMonth(e.target.value)} />
    <${ProblemBox} problem=${problem} />
    ${loading && valid ? html`<${Loading} what="windows" />` : null}
    ${data && valid ? html`<${MonthView} month=${month} windows=${data} />` : null}
    <${ValidationForm} month=${month} />
  </section>`;
}

function MonthView({ month, windows }) {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(y, m, 0).getDate();
  const lead = (new Date(y, m - 1, 1).getDay() + 6) % 7; // Monday first
  const cells = [];
  for (let i = 0; i < lead; i++) cells.push(null);
  for (let d = 1; d <= days; d++) cells.push(d);
  const on = (d) => windows.filter((w) => {
    const day = `${month}-${pad(d)}`;
    return w.start.slice(0, 10) <= day && w.end.slice(0, 10) >= day;
  });
  const weeks = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return html`<table class="calendar" id="maintenance-month">
    <caption>${new Date(y, m - 1, 1).toLocaleDateString('en-GB', { month: 'long', year: 'numeric' })}: ${windows.length} stored window(s); UK local times</caption>
    <thead><tr>${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => html`<th scope="col">${d}</th>`)}</tr></thead>
    <tbody>${weeks.map((w) => html`<tr>${Array.from({ length: 7 }, (_, i) => w[i] ?? null).map((d) => html`<td>
      ${d ? html`<div class="day">${d}</div>${on(d).map((x) => html`<div class=${`window impact-${x.impact}`} title=${x.description}>
        ${x.impact} ${x.id}: ${x.start.slice(11, 16)}–${x.end.slice(11, 16)}${x.riskScore != null ? ` (risk ${x.riskScore})` : ''}</div>`)}` : null}
    </td>`)}</tr>`)}</tbody>
  </table>`;
}

const blank = (n) => ({ id: `W${n}`, start: '', end: '', impact: '', disrupts: [], consumerAffecting: false, description: '', kind: 'MONTHLY', complexity: '' });

function ValidationForm({ month }) {
  const [publishedOn, setPublishedOn] = useState(new Date().toISOString().slice(0, 10));
  const [windows, setWindows] = useState([blank(1)]);
  const setW = (i, k) => (e) => setWindows(windows.map((w, j) => (j === i ? { ...w, [k]: e.target.type === 'checkbox' ? e.target.checked : e.target.value } : w)));
  const toggle = (i, s) => () => setWindows(windows.map((w, j) => (j === i ? { ...w, disrupts: w.disrupts.includes(s) ? w.disrupts.filter((x) => x !== s) : [...w.disrupts, s] } : w)));
  const [validate, st] = useAction(() => post('/maintenance/schedules/validate', {
    month, publishedOn,
    windows: windows.map((w) => ({ ...w, impact: w.impact || null, complexity: w.complexity || null, kind: w.kind || null })),
  }));
  const r = st.result;
  const findingsOf = (id) => (r ? [...r.violations.map((v) => ({ ...v, level: 'violation' })), ...r.warnings.map((v) => ({ ...v, level: 'warning' }))]
    .filter((v) => new RegExp(`\\bwindow ${id}\\b`).test(v.message)) : []);
  const general = r ? [...r.violations, ...r.warnings].filter((v) => !/\bwindow \S+/.test(v.message)) : [];
  return html`<div class="panel"><h2>Validate a schedule for ${month}</h2>
    <form class="form" onSubmit=${(e) => { e.preventDefault(); validate(); }}>
      <${Field} label="Published on" type="date" name="publishedOn" value=${publishedOn} onInput=${(e) => setPublishedOn(e.target.value)} />
      ${windows.map((w, i) => html`<fieldset class="window-edit"><legend>Window ${w.id}</legend>
        <${Field} label="Id" value=${w.id} onInput=${setW(i, 'id')} />
        <${Field} label="Start (UK local)" type="datetime-local" required value=${w.start} onInput=${setW(i, 'start')} />
        <${Field} label="End (UK local)" type="datetime-local" required value=${w.end} onInput=${setW(i, 'end')} />
        <${Field} as="select" label="Declared impact" value=${w.impact} onChange=${setW(i, 'impact')}><option value="">let the rules classify</option><option>HIGH</option><option>LOW</option></${Field}>
        <div role="group" aria-label=${`Services disrupted by ${w.id}`}>Disrupts: ${SERVICES.map((s) => html`<label class="check"><input type="checkbox" checked=${w.disrupts.includes(s)} onChange=${toggle(i, s)} /> ${s}</label>`)}</div>
        <label class="check"><input type="checkbox" checked=${w.consumerAffecting} onChange=${setW(i, 'consumerAffecting')} /> Consumers may be affected</label>
        <${Field} as="select" label="Kind" value=${w.kind} onChange=${setW(i, 'kind')}><option>MONTHLY</option><option>ADDITIONAL</option></${Field}>
        <${Field} as="select" label="Complexity" value=${w.complexity} onChange=${setW(i, 'complexity')}><option value="">—</option><option>HIGH</option><option>LOW</option></${Field}>
        <${Field} label="Description" required value=${w.description} onInput=${setW(i, 'description')} />
        ${findingsOf(w.id).length ? html`<ul class="findings">${findingsOf(w.id).map((v) => html`<li class=${v.level}><code>${v.ruleId}</code> ${v.message} <span class="muted">(${v.source})</span></li>`)}</ul>` : null}
        ${windows.length > 1 ? html`<button type="button" onClick=${() => setWindows(windows.filter((_, j) => j !== i))}>Remove ${w.id}</button>` : null}
      </fieldset>`)}
      <div class="actions"><button type="button" onClick=${() => setWindows([...windows, blank(windows.length + 1)])}>Add a window</button>
        <button type="submit" disabled=${st.busy}>Validate</button></div>
    </form>
    <${ProblemBox} problem=${st.problem} />
    ${r ? html`<div role="status"><p class=${r.valid ? 'ok' : 'bad'}><strong>${r.valid ? 'Valid' : 'Refused'}</strong>: ${r.violations.length} violation(s), ${r.warnings.length} warning(s);
      published ${r.workingDaysBeforeMonth} Working Days before the month; rules <code>${(r.ruleSetVersion || '').slice(0, 12)}</code>.</p>
      <table class="list"><caption>Windows as classified</caption><thead><tr><th scope="col">Window</th><th scope="col">Minutes</th><th scope="col">Declared</th>
        <th scope="col">Classified</th><th scope="col">Risk score</th><th scope="col">Working Days before start</th></tr></thead>
        <tbody>${r.windows.map((w) => html`<tr class=${findingsOf(w.id).some((x) => x.level === 'violation') ? 'bad-row' : ''}><th scope="row">${w.id}</th><td>${w.durationMinutes}</td>
          <td>${w.declaredImpact || '—'}</td><td>${w.classification}</td><td>${w.riskScore ?? '—'}</td><td>${w.workingDaysBeforeStart}</td></tr>`)}</tbody></table>
      ${general.length ? html`<ul class="findings">${general.map((v) => html`<li><code>${v.ruleId}</code> ${v.message} <span class="muted">(${v.source})</span></li>`)}</ul>` : null}
    </div>` : null}
  </div>`;
}
