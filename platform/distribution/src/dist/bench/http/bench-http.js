// HTTP load benchmark of POST /api/service-requests, run by bin/bench-http (which installs autocannon beside this file).
// SRV 8.2 Read Inventory by the demo Registered Supplier (SUPPLIER-A, role IS), each request to one of its ESMEs at
// random. Closed loop: CONNECTIONS requests in flight; autocannon times each request (HdrHistogram, 1 ms steps).
// Prints requests/s, latency percentiles, errors, Little's law as a check of the figures (mean latency x rate should
// be about CONNECTIONS), and the decision-audit rows added during the measured run.
// Usage: node bench-http.js PORT SECONDS CONNECTIONS WARMUP_SECONDS
'use strict';
const autocannon = require('autocannon');

const [port, seconds, connections, warmup] = process.argv.slice(2).map(Number);
const base = `http://127.0.0.1:${port}`;
const token = 'demo-supplier-a';
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

async function get(path) {
  const r = await fetch(base + path, { headers });
  if (!r.ok) throw new Error(`GET ${path}: HTTP ${r.status} (is 'secflow serve --demo' running on ${port}?)`);
  return r.json();
}

// the newest audit row of this User; identity ids grow by one per row
async function newestAuditId() {
  const rows = await get('/api/service-requests?limit=1');
  return rows.length === 0 ? -1 : rows[0].audit_id;
}

function run(duration) {
  return new Promise((resolve, reject) => {
    autocannon({
      url: `${base}/api/service-requests`, connections, duration, headers,
      requests: [{
        method: 'POST',
        setupRequest: r => ({ ...r, body: JSON.stringify({ srv: '8.2', userRole: 'IS', deviceId: ids[Math.floor(Math.random() * ids.length)] }) }),
      }],
    }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

let ids;
(async () => {
  const page = await get('/api/devices?type=ESME&size=500');
  ids = page.items.filter(d => d.importSupplier === 'SUPPLIER-A').map(d => d.deviceId);
  if (ids.length === 0) throw new Error('no ESME of SUPPLIER-A in the SMI: start the server with --demo');
  if (warmup > 0) await run(warmup);
  const before = await newestAuditId();
  const res = await run(seconds);
  const after = await newestAuditId();
  const l = res.latency;
  const rate = res.requests.total / res.duration;
  console.log(`${res.requests.total} requests in ${res.duration.toFixed(1)} s over ${connections} connections (after ${warmup} s of warm-up)`);
  console.log(`requests/s: ${rate.toFixed(0)}`);
  console.log(`latency ms: mean ${l.mean.toFixed(2)}, p50 ${l.p50}, p90 ${l.p90}, p99 ${l.p99}, p99.9 ${l.p99_9}, max ${l.max}`);
  console.log(`responses: 2xx ${res['2xx']}, non-2xx ${res.non2xx}; errors ${res.errors}, timeouts ${res.timeouts}`);
  console.log(`Little's law: mean latency x rate = ${(l.mean / 1000 * rate).toFixed(1)} requests in flight (connections: ${connections})`);
  // the requests in flight when the run stops are still decided and audited, so up to CONNECTIONS more rows
  console.log(`decision audit: ${after - before} rows added (responses counted: ${res['2xx'] + res.non2xx}, `
    + `plus up to ${connections} requests in flight when the run stopped)`);
})().catch(e => {
  console.error(`bench-http: ${e.message}`);
  process.exit(1);
});
