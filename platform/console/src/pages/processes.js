// Processes: deployed BPMN definitions and versions, each diagram with running instances per activity, and
// deployment of a .bpmn saved by Camunda Modeler (upload) or of the changed files of the BPMN folder (reload).
import { useState } from 'preact/hooks';
import { post, query } from '../api.js';
import { BpmnDiagram } from '../diagram.js';
import {
  ErrorsTable, Field, Loading, ProblemBox, fmtTime, hasRole, href, html, useAction, useApi,
} from '../ui.js';

export function ProcessList({ me }) {
  const { data, problem, loading, reload } = useApi('/processes');
  const byKey = {};
  (data?.definitions || []).forEach((d) => (byKey[d.key] ||= []).push(d));
  return html`<section>
    <h1>Processes</h1>
    <${ProblemBox} problem=${problem} />
    ${loading ? html`<${Loading} what="processes" />` : null}
    ${data ? html`<table class="list" id="process-list">
      <caption class="sr-only">Deployed process definitions</caption>
      <thead><tr><th scope="col">Process</th><th scope="col">Key</th><th scope="col">Versions (newest first)</th><th scope="col">File</th><th scope="col">Latest deployed</th></tr></thead>
      <tbody>${Object.entries(byKey).map(([key, versions]) => html`<tr>
        <td><a href=${href(`/processes/${key}`)}>${versions[0].name || key}</a></td><td><code>${key}</code></td>
        <td>${versions.map((v) => html`<a class="tag" href=${href(`/processes/${key}?version=${v.version}`)}>v${v.version}</a> `)}</td>
        <td><code>${versions[0].file}</code></td><td>${fmtTime(versions[0].deployedAt)}</td></tr>`)}</tbody>
    </table>` : null}
    ${data?.lastRefused ? html`<div class="panel"><h2>Last refused deployment (${fmtTime(data.lastRefused.at)})</h2>
      <${ErrorsTable} errors=${data.lastRefused.refused} /></div>` : null}
    ${hasRole(me, 'DESIGNER') ? html`<${Deploy} onDeployed=${reload} />` : html`<p class="muted">Deploying processes needs the designer or admin role.</p>`}
  </section>`;
}

function Deploy({ onDeployed }) {
  const [file, setFile] = useState(null);
  const [upload, up] = useAction(async () => {
    const xml = await file.text();
    const r = await post('/processes/deploy', { file: file.name, xml });
    onDeployed();
    return r;
  });
  const [reload, rl] = useAction(async () => {
    const r = await post('/processes/reload');
    onDeployed();
    return r;
  });
  const report = (r) => r && html`<p role="status" class="ok">Deployed: ${r.deployed.join(', ') || 'none'}; unchanged: ${r.unchanged.join(', ') || 'none'}.</p>`;
  return html`<div class="panel">
    <h2>Deploy</h2>
    <form class="form" id="deploy-form" onSubmit=${(e) => { e.preventDefault(); if (file) upload(); }}>
      <${Field} label="BPMN file saved by Camunda Modeler" type="file" accept=".bpmn" name="bpmn-file" required
        hint="Checked by the same parser as a reload; a refused file is not deployed and its previous version keeps running."
        onChange=${(e) => setFile(e.target.files[0] || null)} />
      <button type="submit" disabled=${!file || up.busy}>Upload and deploy</button>
    </form>
    <${ProblemBox} problem=${up.problem} />
    ${report(up.result)}
    <p><button onClick=${() => reload()} disabled=${rl.busy}>Deploy changed files of the BPMN folder</button></p>
    <${ProblemBox} problem=${rl.problem} />
    ${report(rl.result)}
  </div>`;
}

export function ProcessPage({ processKey, params }) {
  const version = params.get('version') || '';
  const d = useApi(`/processes/${encodeURIComponent(processKey)}/diagram${query({ version })}`, 4000);
  const v = d.data;
  return html`<section>
    <p><a href=${href('/processes')}>← Processes</a></p>
    <h1>${v?.name || processKey} ${v ? html`<span class="tag">v${v.version}${v.latest ? ', latest' : ''}</span>` : null}</h1>
    <${ProblemBox} problem=${d.problem} notFound=${`No deployed process ${processKey}${version ? ` version ${version}` : ''}.`} />
    ${!v && d.loading ? html`<${Loading} what="diagram" />` : null}
    ${v ? html`<p><strong id="process-instances">${v.instances}</strong> running instance(s) on this version; the number on each activity is how many wait there now (updated every few seconds).</p>
      <${BpmnDiagram} xml=${v.xml} counts=${v.activities} title=${`${v.key} version ${v.version} with running instances per activity`} />
      <p class="muted">File <code>${v.file}</code>, definition <code>${v.id}</code>.</p>` : null}
  </section>`;
}
