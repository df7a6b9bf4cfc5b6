// Rules: the files and version in service, a file (a decision table shown as a table), reload with its errors at
// file and line, the last refused attempt, the scenario tables run against the rules in service, and
// "try a Service Request".
import { useState } from 'preact/hooks';
import { post } from '../api.js';
import {
  ErrorsTable, Facts, Field, Loading, ProblemBox, fmtTime, hasRole, href, html, short, useAction, useApi,
} from '../ui.js';

export function RulesPage({ me }) {
  const { data, problem, loading, reload } = useApi('/rules', 10000);
  const analyst = hasRole(me, 'ANALYST');
  const [doReload, rl] = useAction(async () => {
    const r = await post('/rules/reload');
    reload();
    return r;
  });
  const [run, sc] = useAction(() => post('/rules/scenarios/run'));
  const afterReload = () => {
    doReload().then(() => reload());
  };
  return html`<section>
    <h1>Rules</h1>
    <${ProblemBox} problem=${problem} />
    ${loading ? html`<${Loading} what="rules" />` : null}
    ${data ? html`<${Facts} items=${[
      ['Version in service', html`<code id="rules-version">${short(data.version, 16)}</code>`],
      ['Loaded', fmtTime(data.loadedAt)], ['Rules', data.ruleCount],
    ]} />
    <table class="list" id="rule-files">
      <caption>Rule files in service</caption>
      <thead><tr><th scope="col">File</th><th scope="col">Kind</th><th scope="col" class="num">Rules</th><th scope="col">SHA-256</th></tr></thead>
      <tbody>${data.files.map((f) => html`<tr><td><a href=${href(`/rules/files/${encodeURIComponent(f.file)}`)}>${f.file}</a></td>
        <td>${f.kind}</td><td class="num">${f.ruleCount}</td><td><code>${short(f.sha256, 12)}</code></td></tr>`)}</tbody>
    </table>
    <div class="panel" id="last-refused"><h2>Last refused reload</h2>
      ${data.lastRefused ? html`<p>${fmtTime(data.lastRefused.at)}: the previous rules kept serving.</p><${ErrorsTable} errors=${data.lastRefused.errors} />`
        : html`<p class="muted">None since start.</p>`}</div>` : null}
    <div class="panel"><h2>Reload and test</h2>
      ${analyst ? html`<div class="actions">
        <button id="rules-reload" onClick=${afterReload} disabled=${rl.busy}>Reload rules from the rules folder</button>
        <button id="rules-scenarios" onClick=${() => run()} disabled=${sc.busy}>Run every scenario case</button>
      </div>` : html`<p class="muted">Reloading rules and running the scenario tables need the analyst or admin role.</p>`}
      <div id="reload-result">
        <${ProblemBox} problem=${rl.problem} />
        ${rl.result ? html`<p role="status" class="ok">Reloaded: version <code>${short(rl.result.version, 16)}</code>, ${rl.result.ruleCount} rules.</p>` : null}
      </div>
      <div id="scenario-result">
        <${ProblemBox} problem=${sc.problem} />
        ${sc.busy ? html`<${Loading} what="scenario cases" />` : null}
        ${sc.result ? html`<p role="status" class=${sc.result.failed ? 'bad' : 'ok'}><strong>${sc.result.passed} passed, ${sc.result.failed} failed</strong>
          against rules <code>${short(sc.result.rulesVersion, 16)}</code>.</p>
          <table class="counts"><caption>By table</caption><thead><tr><th scope="col">Tables</th><th scope="col" class="num">Passed</th><th scope="col" class="num">Failed</th></tr></thead>
          <tbody>${sc.result.tables.map((t) => html`<tr><th scope="row">${t.kind}</th><td class="num">${t.passed}</td><td class="num">${t.failed}</td></tr>`)}</tbody></table>
          ${sc.result.failures.length ? html`<ul class="findings">${sc.result.failures.map((x) => html`<li><span class="tag">${x.kind}</span> ${x.description}</li>`)}</ul>` : null}` : null}
      </div>
    </div>
    <${TryServiceRequest} />
  </section>`;
}

function TryServiceRequest() {
  const [f, setF] = useState({ srv: '8.2', deviceIds: '', userRole: '', payload: '' });
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const [send, st] = useAction(async () => {
    const ids = f.deviceIds.split(/[\s,]+/).filter(Boolean);
    const body = { srv: f.srv };
    if (ids.length === 1) body.deviceId = ids[0];
    else if (ids.length > 1) body.deviceIds = ids;
    if (f.userRole) body.userRole = f.userRole;
    if (f.payload.trim()) body.payload = JSON.parse(f.payload);
    return post('/service-requests', body);
  });
  return html`<div class="panel" id="try-sr"><h2>Try a Service Request</h2>
    <p class="muted">Sent as you, decided by the rules in service, and recorded in the audit like any other request.</p>
    <form class="form" onSubmit=${(e) => { e.preventDefault(); send(); }}>
      <${Field} label="Service Request Variant" hint="e.g. 8.2, 11.4, 12.2" name="srv" required value=${f.srv} onInput=${set('srv')} />
      <${Field} label="Device ids" hint="EUI-64, comma separated" name="deviceIds" value=${f.deviceIds} onInput=${set('deviceIds')} />
      <${Field} as="select" label="DCC User Role" name="userRole" value=${f.userRole} onChange=${set('userRole')}>
        <option value="">your role</option>${['IS', 'ES', 'GS', 'ED', 'GT', 'OU', 'RSA'].map((r) => html`<option value=${r}>${r}</option>`)}</${Field}>
      <${Field} as="textarea" label="Payload (JSON)" hint='e.g. {"firmwareImageSha256": "…"} for 11.4' name="payload" rows="3" value=${f.payload} onInput=${set('payload')} />
      <button type="submit" disabled=${st.busy}>Send</button>
    </form>
    <${ProblemBox} problem=${st.problem} />
    ${st.problem?.body?.ruleSetVersion ? html`<p>Decided by rules <code>${short(st.problem.body.ruleSetVersion, 16)}</code>.</p>` : null}
    ${st.result ? html`<p role="status" class="ok">Accepted: <a href=${href(`/service-requests/${st.result.requestId}`)}>${st.result.requestId}</a>, state ${st.result.state}, rules <code>${short(st.result.ruleSetVersion, 16)}</code>.</p>` : null}
  </div>`;
}

/** RFC 4180 CSV (quotes, doubled quotes, line breaks in quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

export function RuleFilePage({ file }) {
  const { data, problem, loading } = useApi(`/rules/files/${encodeURIComponent(file)}`);
  let body = null;
  if (data) {
    if (file.endsWith('.csv')) {
      const rows = parseCsv(data.content);
      const width = Math.max(...rows.map((r) => r.length));
      body = html`<div class="scroll"><table class="sheet" id="rule-table">
        <caption>${file}${file.endsWith('.drl.csv') ? ' (Drools decision table)' : file.endsWith('.cases.csv') ? ' (scenario table)' : ''}</caption>
        <thead><tr><th scope="col">Line</th>${Array.from({ length: width }, (_, i) => html`<th scope="col">${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}</th>`)}</tr></thead>
        <tbody>${rows.map((r, i) => html`<tr><th scope="row">${i + 1}</th>${Array.from({ length: width }, (_, j) => html`<td>${r[j] ?? ''}</td>`)}</tr>`)}</tbody>
      </table></div>`;
    } else {
      body = html`<pre class="code" tabindex="0" aria-label=${file}>${data.content.split('\n').map((l, i) => html`<span class="line"><span class="ln" aria-hidden="true">${i + 1}</span>${l}\n</span>`)}</pre>`;
    }
  }
  return html`<section>
    <p><a href=${href('/rules')}>← Rules</a></p>
    <h1>${file}</h1>
    <${ProblemBox} problem=${problem} notFound=${`No rule file ${file}.`} />
    ${loading ? html`<${Loading} what="file" />` : null}
    ${body}
  </section>`;
}
