// Firmware campaigns: the list, a creation form, and a campaign page with live progress, the process diagram,
// the actions the User may take, the devices by state and the confirmed-devices chart.
import { useState } from 'preact/hooks';
import { get, post, query } from '../api.js';
import { BpmnDiagram } from '../diagram.js';
import { ConfirmedChart } from '../chart.js';
import {
  BreakdownTable, CountTable, Facts, Field, Loading, ProblemBox, fmtTime, hasRole, href, html, navigate, short, useAction, useApi,
} from '../ui.js';

const FINAL = ['COMPLETED', 'CANCELLED'];
const DEVICE_STATES = ['PENDING', 'SCHEDULED', 'SENT', 'DELIVERED', 'DELIVERY_FAILED', 'ACTIVATED', 'ACTIVATION_FAILED',
  'CONFIRMED', 'TIMED_OUT', 'SKIPPED', 'CANCELLED'];
const FINAL_DEVICE = ['DELIVERY_FAILED', 'ACTIVATION_FAILED', 'CONFIRMED', 'TIMED_OUT', 'SKIPPED', 'CANCELLED'];

export function CampaignList() {
  const { data, problem, loading } = useApi('/campaigns', 5000);
  return html`<section>
    <div class="title-row"><h1>Firmware campaigns</h1><a class="button" href=${href('/campaigns/new')}>New campaign</a></div>
    <${ProblemBox} problem=${problem} />
    ${loading ? html`<${Loading} what="campaigns" />` : null}
    ${data ? html`<table class="list" id="campaign-list">
      <caption class="sr-only">Campaigns you may see</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">State</th><th scope="col">Wave</th><th scope="col">Created</th><th scope="col">Id</th></tr></thead>
      <tbody>${data.length ? data.map((c) => html`<tr data-campaign=${c.campaignId}>
        <td><a href=${href(`/campaigns/${c.campaignId}`)}>${c.name}</a></td>
        <td><span class=${`state state-${c.state}`}>${c.state}</span></td>
        <td>${c.currentWave ?? '—'}</td><td>${fmtTime(c.createdAt)}</td><td><code>${short(c.campaignId)}</code></td>
      </tr>`) : html`<tr><td colspan="5" class="muted">No campaign you may see.</td></tr>`}</tbody>
    </table>` : null}
  </section>`;
}

const list = (s) => s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

export function CampaignCreate({ me }) {
  const images = useApi('/firmware-images');
  const [f, setF] = useState({
    name: '', imageSha256: '', ppmids: true, variants: [], regions: [], firmwareVersions: '', deviceIds: '', upgradeFrom: '',
    waves: '10, 90', successThresholdPercent: '95', errorThresholdPercent: '', errorThresholdCount: '', maxRetries: '2',
    retryBackoffMs: '60000', deviceTimeoutMs: '86400000',
  });
  const set = (k) => (e) => setF({ ...f, [k]: e.target.type === 'checkbox' ? e.target.checked : e.target.value });
  const toggle = (k, v) => () => setF({ ...f, [k]: f[k].includes(v) ? f[k].filter((x) => x !== v) : [...f[k], v] });
  const num = (v) => (v === '' ? null : Number(v));
  const [create, state] = useAction(async () => {
    const body = {
      name: f.name,
      imageSha256: f.imageSha256,
      upgradeFrom: list(f.upgradeFrom),
      selection: {
        ppmids: f.ppmids, altHanVariants: f.variants, regions: f.regions,
        firmwareVersions: list(f.firmwareVersions), deviceIds: list(f.deviceIds),
      },
      waves: list(f.waves).map(Number),
      successThresholdPercent: num(f.successThresholdPercent),
      errorThresholdPercent: num(f.errorThresholdPercent),
      errorThresholdCount: num(f.errorThresholdCount),
      maxRetries: num(f.maxRetries),
      retryBackoffMs: num(f.retryBackoffMs),
      deviceTimeoutMs: num(f.deviceTimeoutMs),
    };
    const created = await post('/campaigns', body);
    navigate(`/campaigns/${created.campaignId}`);
    return created;
  });
  const submit = (e) => {
    e.preventDefault();
    create();
  };
  return html`<section>
    <h1>New firmware campaign</h1>
    <p class="muted">A second User of your Party approves it before it starts (four eyes). Targets are checked by the SRV 11.4 rules when it is approved.</p>
    <form onSubmit=${submit} class="form" id="campaign-form">
      <${Field} label="Name" name="name" required value=${f.name} onInput=${set('name')} />
      <${Field} as="select" label="Firmware image (known image list, BR12)" name="imageSha256" required value=${f.imageSha256} onChange=${set('imageSha256')}>
        <option value="">— choose an image —</option>
        ${(images.data || []).map((i) => html`<option value=${i.sha256}>${i.manufacturer} ${i.model} ${i.version} (${(i.applicableDeviceTypes || []).join(', ')})</option>`)}
      </${Field}>
      <fieldset><legend>Targets</legend>
        <label class="check"><input type="checkbox" name="ppmids" checked=${f.ppmids} onChange=${set('ppmids')} /> PPMIDs</label>
        <div role="group" aria-label="Alt HAN Device Variants">Alt HAN bridges:
          ${['B1', 'B2', 'B3', 'B4'].map((v) => html`<label class="check"><input type="checkbox" name=${`variant-${v}`} checked=${f.variants.includes(v)} onChange=${toggle('variants', v)} /> ${v}</label>`)}
        </div>
        <div role="group" aria-label="Regions">Regions (none: all):
          ${['NORTH', 'CENTRAL', 'SOUTH'].map((v) => html`<label class="check"><input type="checkbox" name=${`region-${v}`} checked=${f.regions.includes(v)} onChange=${toggle('regions', v)} /> ${v}</label>`)}
        </div>
        <${Field} label="Only devices on firmware versions" hint="comma separated; empty: any" name="firmwareVersions" value=${f.firmwareVersions} onInput=${set('firmwareVersions')} />
        <${Field} label="Only these devices" hint="device ids (EUI-64), comma separated; empty: by the choices above" name="deviceIds" value=${f.deviceIds} onInput=${set('deviceIds')} />
        <${Field} label="Upgrade pathway: may upgrade from" hint="versions, comma separated; empty: any" name="upgradeFrom" value=${f.upgradeFrom} onInput=${set('upgradeFrom')} />
      </fieldset>
      <fieldset><legend>Waves and thresholds</legend>
        <${Field} label="Waves (% of eligible devices)" hint="e.g. 1, 10, 89; they sum to 100" name="waves" required value=${f.waves} onInput=${set('waves')} />
        <${Field} label="Success threshold (%) to start the next wave" type="number" min="0" max="100" name="successThresholdPercent" value=${f.successThresholdPercent} onInput=${set('successThresholdPercent')} />
        <${Field} label="Pause at failed devices (%)" type="number" min="1" max="100" name="errorThresholdPercent" value=${f.errorThresholdPercent} onInput=${set('errorThresholdPercent')} />
        <${Field} label="Pause at failed devices (count)" type="number" min="1" name="errorThresholdCount" value=${f.errorThresholdCount} onInput=${set('errorThresholdCount')} />
        <${Field} label="Resends after a retryable failure" type="number" min="0" max="10" name="maxRetries" value=${f.maxRetries} onInput=${set('maxRetries')} />
        <${Field} label="First resend after (ms)" type="number" min="0" name="retryBackoffMs" value=${f.retryBackoffMs} onInput=${set('retryBackoffMs')} />
        <${Field} label="Device timeout (ms)" type="number" min="1" name="deviceTimeoutMs" value=${f.deviceTimeoutMs} onInput=${set('deviceTimeoutMs')} />
      </fieldset>
      <${ProblemBox} problem=${state.problem} />
      <button type="submit" disabled=${state.busy}>Create campaign</button>
    </form>
    ${hasRole(me, 'OPERATOR') ? html`<${ImageRegistration} onRegistered=${images.reload} />` : html`<p class="muted">The known firmware image list (BR12) is kept by DCC operations.</p>`}
  </section>`;
}

function ImageRegistration({ onRegistered }) {
  const [f, setF] = useState({ manufacturer: '', model: '', version: '', sha256: '', types: 'PPMID' });
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const [register, state] = useAction(async () => {
    const r = await post('/firmware-images', {
      manufacturer: f.manufacturer, model: f.model, version: f.version, sha256: f.sha256, applicableDeviceTypes: list(f.types),
    });
    onRegistered();
    return r;
  });
  return html`<details class="panel"><summary>Register a firmware image</summary>
    <form class="form" onSubmit=${(e) => { e.preventDefault(); register(); }}>
      <${Field} label="Manufacturer" required value=${f.manufacturer} onInput=${set('manufacturer')} />
      <${Field} label="Model" required value=${f.model} onInput=${set('model')} />
      <${Field} label="Version" required value=${f.version} onInput=${set('version')} />
      <${Field} label="SHA-256" required pattern="[0-9a-fA-F]{64}" value=${f.sha256} onInput=${set('sha256')} />
      <${Field} label="Applicable device types" hint="e.g. PPMID, CHF" value=${f.types} onInput=${set('types')} />
      <${ProblemBox} problem=${state.problem} />
      ${state.result ? html`<p role="status">Registered image ${state.result.imageId}.</p>` : null}
      <button type="submit" disabled=${state.busy}>Register image</button>
    </form>
  </details>`;
}

export function CampaignPage({ id, me }) {
  const c = useApi(`/campaigns/${encodeURIComponent(id)}`, 1500);
  const path = useApi(`/campaigns/${encodeURIComponent(id)}/process`, 3000);
  const confirmations = useApi(`/campaigns/${encodeURIComponent(id)}/confirmed-over-time`, 3000);
  const version = path.data?.processDefinitionVersion;
  const diagram = useApi(version ? `/processes/firmware-campaign/diagram${query({ version })}` : null);
  const [act, action] = useAction(async (name) => {
    const r = await post(`/campaigns/${encodeURIComponent(id)}/${name}`);
    c.reload();
    path.reload();
    return r;
  });
  if (c.problem && c.problem.status === 404) {
    return html`<section><h1>Campaign</h1><${ProblemBox} problem=${c.problem} notFound=${`No campaign ${id} that you may see.`} /></section>`;
  }
  if (!c.data) return html`<section><h1>Campaign</h1><${ProblemBox} problem=${c.problem} />${c.loading ? html`<${Loading} what="campaign" />` : null}</section>`;
  const v = c.data;
  const finished = FINAL_DEVICE.reduce((s, k) => s + (v.counts?.[k] || 0), 0);
  const pct = v.devices ? Math.round((finished * 100) / v.devices) : 0;
  const mine = me && me.userId === v.createdBy;
  const actions = [];
  if (v.state === 'AWAITING_APPROVAL' && !mine) actions.push(['approve', 'Approve']);
  if (v.state === 'RUNNING') actions.push(['pause', 'Pause']);
  if (v.state === 'PAUSED') actions.push(['resume', 'Resume']);
  if (!FINAL.includes(v.state)) actions.push(['cancel', 'Cancel']);
  return html`<section>
    <p><a href=${href('/campaigns')}>← Campaigns</a></p>
    <div class="title-row"><h1>${v.name}</h1><span id="campaign-state" class=${`state state-${v.state}`}>${v.state}</span></div>
    <${ProblemBox} problem=${c.problem} />
    <div class="actions" role="group" aria-label="Campaign actions">
      ${actions.map(([a, label]) => html`<button id=${`campaign-${a}`} class=${a === 'cancel' ? 'danger' : ''} disabled=${action.busy}
        onClick=${() => (a !== 'cancel' || window.confirm('Cancel this campaign? Devices not yet sent become CANCELLED.')) && act(a)}>${label}</button>`)}
      ${v.state === 'AWAITING_APPROVAL' && mine ? html`<span class="muted">You created this campaign: a second User of ${v.party} approves it.</span>` : null}
    </div>
    <${ProblemBox} problem=${action.problem} />
    <div class="waiting" role="status" aria-live="polite" id="campaign-waiting">
      ${v.state === 'AWAITING_APPROVAL' ? html`Waits for approval by a second User of ${v.party}.` : null}
      ${v.waitingFor ? html`Waits for: ${v.waitingFor}.` : null}
      ${v.pauseReason && v.state === 'PAUSED' ? html`Paused: ${v.pauseReason}. ` : null}
      ${v.openTasks?.length ? html` Open tasks: ${v.openTasks.map((t) => t.name).join(', ')}.` : null}
    </div>
    <div class="progress" aria-label="Devices in a final state">
      <progress max="100" value=${pct} aria-valuetext=${`${pct}%`}></progress>
      <span><strong id="campaign-final">${finished}</strong> of <strong>${v.devices}</strong> devices in a final state (${pct} %)</span>
    </div>
    <${Facts} items=${[
      ['Image', `${v.image?.model} ${v.image?.version}`],
      ['Wave', `${v.currentWave ?? 0} of ${v.waves}`],
      ['Created by', `${v.createdBy} (${v.party})`],
      ['Approved by', v.approvedBy],
      ['Rule-set version', v.rulesVersion ? html`<code>${short(v.rulesVersion, 12)}</code>` : null],
      ['Updated', fmtTime(v.updatedAt)],
    ]} />
    <div class="grid-state">
      <${CountTable} caption="By state" keyLabel="State" counts=${v.counts} />
      <div class="scroll">
        <${BreakdownTable} caption="By wave (0: not in a wave)" keyLabel="Wave" data=${v.byWave} />
        <${BreakdownTable} caption="By Alt HAN variant" keyLabel="Variant" data=${v.byVariant} />
        <${BreakdownTable} caption="By region" keyLabel="Region" data=${v.byRegion} />
      </div>
    </div>
    <h2>Confirmed devices over time</h2>
    ${confirmations.data?.points?.length ? html`<${ConfirmedChart} points=${confirmations.data.points} />` : html`<p class="muted">No device confirmed yet.</p>`}
    <h2>Process</h2>
    ${diagram.data ? html`<${BpmnDiagram} xml=${diagram.data.xml} active=${path.data?.active}
      passed=${(path.data?.passed || []).map((p) => p.activityId)} title=${`firmware-campaign version ${version}, active element marked`} />`
      : html`<p class="muted">${path.data && !version ? 'The campaign has no process instance.' : 'Loading the diagram…'}</p>`}
    <h2>Devices</h2>
    <${CampaignDevices} id=${id} />
  </section>`;
}

function CampaignDevices({ id }) {
  const [state, setState] = useState('');
  const [page, setPage] = useState(0);
  const size = 50;
  const d = useApi(`/campaigns/${encodeURIComponent(id)}/devices${query({ state, page, size })}`, 5000);
  const total = d.data?.total ?? 0;
  return html`<div>
    <${Field} as="select" label="Devices in state" name="device-state" value=${state} onChange=${(e) => { setState(e.target.value); setPage(0); }}>
      <option value="">every state</option>
      ${DEVICE_STATES.map((s) => html`<option value=${s}>${s}</option>`)}
    </${Field}>
    <${ProblemBox} problem=${d.problem} />
    <table class="list" id="campaign-devices">
      <caption class="sr-only">Devices of the campaign</caption>
      <thead><tr><th scope="col">Device</th><th scope="col">State</th><th scope="col">Reason</th><th scope="col">Wave</th>
        <th scope="col">Variant</th><th scope="col">Region</th><th scope="col">From version</th><th scope="col" class="num">Sent</th><th scope="col">Updated</th></tr></thead>
      <tbody>${(d.data?.items || []).map((x) => html`<tr>
        <td><code>${x.deviceId}</code></td><td>${x.state}</td><td>${x.reason || ''}</td><td>${x.wave || '—'}</td>
        <td>${x.altHanDeviceVariant || '—'}</td><td>${x.region || '—'}</td><td>${x.fromVersion || '—'}</td>
        <td class="num">${x.sent}</td><td>${fmtTime(x.updatedAt)}</td></tr>`)}</tbody>
    </table>
    <div class="pager">
      <button disabled=${page === 0} onClick=${() => setPage(page - 1)}>Previous</button>
      <span>${total ? `${page * size + 1}–${Math.min(total, (page + 1) * size)} of ${total}` : 'none'}</span>
      <button disabled=${(page + 1) * size >= total} onClick=${() => setPage(page + 1)}>Next</button>
    </div>
  </div>`;
}
