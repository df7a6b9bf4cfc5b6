// Plugins and health.
import { Facts, Loading, ProblemBox, html, useApi } from '../ui.js';

export function SystemPage() {
  const health = useApi('/health', 10000);
  const plugins = useApi('/plugins');
  const h = health.data;
  return html`<section>
    <h1>Health and plugins</h1>
    <${ProblemBox} problem=${health.problem} />
    ${h ? html`<${Facts} items=${[
      ['Status', html`<strong id="health-status" class=${h.status === 'UP' ? 'ok' : 'bad'}>${h.status}</strong>`],
      ['secflow', h.versions?.secflow], ['SPI', h.versions?.spi], ['Java', h.versions?.java],
      ['Database', typeof h.database === 'object' ? JSON.stringify(h.database) : h.database],
      ['Premises', h.counts?.premises], ['Communications Hubs', h.counts?.commsHubs], ['Devices', h.counts?.devices],
      ['Firmware images', h.counts?.firmwareImages], ['Plugins', `${h.plugins?.loaded} loaded, ${h.plugins?.refused} refused`],
      h.rules ? ['Rules', `${h.rules.ruleCount} rules, version ${String(h.rules.version).slice(0, 12)}`] : null,
    ]} />` : html`<${Loading} what="health" />`}
    <h2>Plugins</h2>
    <${ProblemBox} problem=${plugins.problem} />
    ${plugins.data ? html`<table class="list" id="plugins"><caption class="sr-only">Plugin folders</caption>
      <thead><tr><th scope="col">Plugin</th><th scope="col">Version</th><th scope="col">SPI</th><th scope="col">State</th><th scope="col">Providers</th></tr></thead>
      <tbody>${plugins.data.length ? plugins.data.map((p) => html`<tr><td><code>${p.id}</code><div class="muted">${p.folder}</div></td><td>${p.version}</td>
        <td>${p.spiVersion}</td><td><span class=${p.state === 'LOADED' ? 'ok' : 'bad'}>${p.state}</span>${p.reason ? html`<div>${p.reason}</div>` : null}</td>
        <td>${(p.providers || []).map((x) => html`<div><strong>${x.kind}</strong> <code>${x.id}</code>${x.regions?.length ? ` (${x.regions.join(', ')})` : ''}${x.selectedFor?.length ? html` <span class="tag">selected for ${x.selectedFor.join(', ')}</span>` : null}<div class="muted">${x.description}</div></div>`)}</td></tr>`)
        : html`<tr><td colspan="5" class="muted">No plugin folder.</td></tr>`}</tbody></table>` : null}
  </section>`;
}
