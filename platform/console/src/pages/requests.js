// Service Requests: the decision audit with filters, and a request page with its history (GBCS alerts, responses).
import { useState } from 'preact/hooks';
import { query } from '../api.js';
import {
  Facts, Field, Loading, ProblemBox, fmtTime, hasRole, href, html, short, useApi,
} from '../ui.js';

export function RequestAudit({ me }) {
  const [f, setF] = useState({ userId: '', srv: '', outcome: '', limit: '100' });
  const [applied, setApplied] = useState(f);
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const { data, problem, loading } = useApi(`/service-requests${query(applied)}`, 10000);
  const admin = hasRole(me, 'ADMIN');
  return html`<section>
    <h1>Service Requests</h1>
    <p class="muted">${admin ? 'The decision audit of every User.' : 'The decision audit of your own requests.'}</p>
    <form class="form inline" onSubmit=${(e) => { e.preventDefault(); setApplied(f); }} aria-label="Audit filters">
      ${admin ? html`<${Field} label="User id" name="userId" value=${f.userId} onInput=${set('userId')} />` : null}
      <${Field} label="SRV" name="srv" hint="e.g. 8.2" value=${f.srv} onInput=${set('srv')} />
      <${Field} as="select" label="Outcome" name="outcome" value=${f.outcome} onChange=${set('outcome')}>
        <option value="">any</option><option value="ACCEPTED">ACCEPTED</option><option value="REJECTED">REJECTED</option></${Field}>
      <${Field} label="At most" type="number" min="1" max="1000" name="limit" value=${f.limit} onInput=${set('limit')} />
      <button type="submit">Filter</button>
    </form>
    <${ProblemBox} problem=${problem} />
    ${loading ? html`<${Loading} what="audit" />` : null}
    ${data ? html`<table class="list" id="audit">
      <caption class="sr-only">Decisions, newest first</caption>
      <thead><tr><th scope="col">Decided</th><th scope="col">User</th><th scope="col">Role</th><th scope="col">SRV</th><th scope="col">Devices</th>
        <th scope="col">Outcome</th><th scope="col">Violations</th><th scope="col">Rules</th><th scope="col">Request</th></tr></thead>
      <tbody>${data.map((a) => {
        let v = [];
        try { v = a.violationsJson ? JSON.parse(a.violationsJson) : []; } catch (e) { v = []; }
        return html`<tr><td>${fmtTime(a.decidedAt)}</td><td>${a.userId}<div class="muted">${a.party}</div></td><td>${a.userRole}</td>
          <td>${a.srv}</td><td>${(a.deviceIds || []).map((d) => html`<code>${d}</code> `)}</td>
          <td><span class=${a.outcome === 'ACCEPTED' ? 'ok' : 'bad'}>${a.outcome}</span></td>
          <td>${v.map((x) => html`<div><code>${x.ruleId}</code> ${x.message}</div>`)}</td>
          <td><code>${short(a.ruleSetVersion, 10)}</code></td>
          <td>${a.requestId ? html`<a href=${href(`/service-requests/${a.requestId}`)}>${short(a.requestId, 13)}</a>` : '—'}</td></tr>`;
      })}</tbody>
    </table>` : null}
  </section>`;
}

export function RequestPage({ id }) {
  const { data, problem, loading } = useApi(`/service-requests/${encodeURIComponent(id)}`, 3000);
  const r = data;
  return html`<section>
    <p><a href=${href('/service-requests')}>← Service Requests</a></p>
    <h1>Service Request ${short(id, 13)}</h1>
    <${ProblemBox} problem=${problem} notFound=${`No Service Request ${id} that you may see.`} />
    ${!r && loading ? html`<${Loading} what="request" />` : null}
    ${r ? html`<${Facts} items=${[
      ['Request id', html`<code>${r.requestId}</code>`], ['SRV', r.srv], ['State', r.state], ['User', `${r.userId} (${r.party}, ${r.userRole})`],
      ['Rule-set version', html`<code>${short(r.ruleSetVersion, 16)}</code>`], ['Created', fmtTime(r.createdAt)], ['Updated', fmtTime(r.updatedAt)],
      ['Response', r.response],
    ]} />
    <table class="list"><caption>Devices</caption>
      <thead><tr><th scope="col">Device</th><th scope="col">State</th><th scope="col">Detail</th></tr></thead>
      <tbody>${r.devices.map((d) => html`<tr><td><code>${d.deviceId}</code></td><td>${d.state}</td><td>${d.detail || ''}</td></tr>`)}</tbody></table>
    <table class="list" id="request-history"><caption>History</caption>
      <thead><tr><th scope="col">At</th><th scope="col">Device</th><th scope="col">Stage</th><th scope="col">GBCS alert</th><th scope="col">Detail</th></tr></thead>
      <tbody>${r.history.map((e) => html`<tr><td>${fmtTime(e.at)}</td><td><code>${e.deviceId || ''}</code></td><td>${e.stage}</td>
        <td>${e.alert ? html`<code>${e.alert}</code>` : ''}</td><td>${e.detail || ''}</td></tr>`)}</tbody></table>` : null}
  </section>`;
}
