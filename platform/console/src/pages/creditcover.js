// Credit Cover: a Party's status and its assessments with their figures (SEC J3).
import { useState } from 'preact/hooks';
import { query } from '../api.js';
import { Facts, Field, Loading, ProblemBox, fmtDate, fmtTime, hasRole, html, short, useApi } from '../ui.js';

const money = (v) => (v == null ? '—' : `£${Number(v).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);

export function CreditCoverPage({ me }) {
  const finance = hasRole(me, 'FINANCE');
  const [party, setParty] = useState(finance ? '' : (me?.party || ''));
  const [input, setInput] = useState(party);
  const status = useApi(party ? `/credit-cover/parties/${encodeURIComponent(party)}/status` : null);
  const assessments = useApi(`/credit-cover/assessments${query({ partyId: party })}`);
  const s = status.data;
  return html`<section>
    <h1>Credit Cover</h1>
    ${finance ? html`<form class="form inline" onSubmit=${(e) => { e.preventDefault(); setParty(input.trim()); }}>
      <${Field} label="Party id" name="partyId" hint="empty: every Party's assessments" value=${input} onInput=${(e) => setInput(e.target.value)} />
      <button type="submit">Show</button></form>` : html`<p class="muted">Your Party: ${me?.party}.</p>`}
    ${party ? html`<h2>Status of ${party}</h2>
      <${ProblemBox} problem=${status.problem} notFound=${`No Credit Cover party ${party} that you may see.`} />
      ${status.loading ? html`<${Loading} what="status" />` : null}
      ${s ? (s.assessed ? html`<${Facts} items=${[
        ['As of', fmtDate(s.asOf)], ['Credit Cover Requirement', money(s.requirement)], ['Threshold', money(s.threshold)],
        ['Credit Support required', s.supportRequired ? 'yes' : 'no'], ['Credit Support held', money(s.supportHeld)],
        ['Shortfall', money(s.shortfall)], ['Top-up deadline', fmtDate(s.topUpDeadline)],
        ['Event of Default', s.eventOfDefault ? html`<strong class="bad">yes</strong>` : 'no'],
        ['Rule-set version', html`<code>${short(s.ruleSetVersion, 12)}</code>`],
      ]} />` : html`<p>Not assessed yet.</p>`) : null}` : null}
    <h2>Assessments</h2>
    <${ProblemBox} problem=${assessments.problem} />
    ${assessments.data ? html`<table class="list" id="assessments"><caption class="sr-only">Assessments, newest first</caption>
      <thead><tr><th scope="col">Party</th><th scope="col">As of</th><th scope="col" class="num">Requirement</th><th scope="col" class="num">Threshold</th>
        <th scope="col" class="num">Support held</th><th scope="col" class="num">Shortfall</th><th scope="col">Top-up by</th><th scope="col">Default</th>
        <th scope="col">Rules fired</th><th scope="col">Assessed</th></tr></thead>
      <tbody>${assessments.data.length ? assessments.data.map((a) => html`<tr><td>${a.partyId}</td><td>${fmtDate(a.asOf)}</td>
        <td class="num">${money(a.requirement)}</td><td class="num">${money(a.threshold)}</td><td class="num">${money(a.supportHeld)}</td>
        <td class="num">${money(a.shortfall)}</td><td>${fmtDate(a.topUpDeadline)}</td><td>${a.eventOfDefault ? 'yes' : 'no'}</td>
        <td>${(a.firedRuleIds || []).map((r) => html`<code>${r}</code> `)}</td><td>${fmtTime(a.assessedAt)} by ${a.assessedBy}</td></tr>`)
        : html`<tr><td colspan="10" class="muted">None.</td></tr>`}</tbody></table>` : null}
  </section>`;
}
