// HTTP load benchmark of POST /api/service-requests, run by bin/bench-http (which installs autocannon beside this file).
// Closed loop: CONNECTIONS requests in flight; autocannon times each request (HdrHistogram, 1 ms steps). Two modes:
//   read (default): SRV 8.2 Read Inventory by the demo Registered Supplier (SUPPLIER-A, role IS), each request to one
//     of its ESMEs at random; answered by the host from the Smart Metering Inventory.
//   mix: the reads and writes of MIX below, each by a demo User eligible for it (DUIS Service Request matrix, Eligible
//     User Roles; SEC Section E Registration Data for who may act on which device) to a device of a type the SRV
//     targets, with a well-formed payload. All but 8.2 travel DSP -> CSP -> device emulator and end COMPLETED (or
//     FAILED) when the device's response comes back; after the run the benchmark waits up to DRAIN seconds
//     (BENCH_HTTP_DRAIN, default 10) and counts, by GET /api/service-requests/{id}, how many accepted requests of
//     the measured run reached COMPLETED; when all are final it also prints the rate at which the devices answered
//     them (accepted requests over the time from the start of the run to the last one's final device event).
//   poll: GET /api/service-requests/{id}, as a User polling for its responses: first BENCH_HTTP_POLL_SEED (default
//     2,000) requests of the mix are sent and waited for until final, then each GET asks for one of them at random by
//     the User that sent it (the request with its devices' states, history, responses and alerts).
// Prints requests/s, latency percentiles, errors, the requests deferred (503) and the accepted rate when there are
// any, Little's law as a check of the figures (mean latency x rate should be about CONNECTIONS), the server process's
// CPU time per request over the measured run (from its metrics), its JIT compilers' CPU in that run and the process's
// CPU without it (or, where the server does not report that, the compilers' elapsed time), and the
// decision-audit rows added during the run.
// BENCH_HTTP_RATE=N holds the load at N requests/s instead of as fast as the server answers: below its capacity the
// CPU per request is a steadier measure of a change than the top rate on a machine whose speed varies.
// Usage: node bench-http.js PORT SECONDS CONNECTIONS WARMUP_SECONDS [read|mix|poll]
'use strict';
const autocannon = require('autocannon');

const [port, seconds, connections, warmup] = process.argv.slice(2, 6).map(Number);
const mode = process.argv[6] || 'read';
const drainSeconds = Number(process.env.BENCH_HTTP_DRAIN || 10);
// BENCH_HTTP_RATE: requests/s over all connections, warm-up and run (autocannon's overallRate); unset, as fast as the
// server answers. Below the server's capacity, the server's CPU per request is its cost, free of queueing.
const fixedRate = Number(process.env.BENCH_HTTP_RATE || 0);
const pollSeed = Number(process.env.BENCH_HTTP_POLL_SEED || 2000);
if (!(fixedRate >= 0)) throw new Error(`BENCH_HTTP_RATE must be a number of requests/s, got '${process.env.BENCH_HTTP_RATE}'`);
const operatorToken = 'demo-operator';
const base = `http://127.0.0.1:${port}`;
const auditToken = 'demo-supplier-a';

function headersOf(token) {
  return { 'content-type': 'application/json', authorization: `Bearer ${token}` };
}

async function get(path, token = auditToken) {
  const r = await fetch(base + path, { headers: headersOf(token) });
  if (!r.ok) throw new Error(`GET ${path}: HTTP ${r.status} (is 'secflow serve --demo' running on ${port}?)`);
  return r.json();
}

// The server process's CPU time so far, its JIT compilers' elapsed time and, on Linux, their threads' CPU time, in
// seconds ({process, jit, jitCpu}; Micrometer's process.cpu.time and jvm.compilation.time and secflow.jit.cpu.time at
// GET /api/metrics, the demo operator's token; jit and jitCpu null when the server does not report them), or null
// when the server reports no CPU time
async function serverCpuSeconds() {
  try {
    const r = await fetch(base + '/api/metrics', { headers: headersOf(operatorToken) });
    if (!r.ok) return null;
    const lines = (await r.text()).split('\n');
    // the sum of a metric's series, or null when the server reports none
    const total = re => {
      const found = lines.filter(l => re.test(l));
      return found.length === 0 ? null : found.reduce((sum, l) => sum + Number(l.substring(l.lastIndexOf(' ') + 1)), 0);
    };
    // process.cpu.time is in ns; jvm.compilation.time in ms, one series per compiler
    const cpu = total(/^process_cpu_time_ns_total /);
    const jit = total(/^jvm_compilation_time_ms_total(\{[^}]*\})? /);
    const jitCpu = total(/^secflow_jit_cpu_time_seconds_total /);
    return cpu === null ? null : { process: cpu / 1e9, jit: jit === null ? null : jit / 1e3, jitCpu };
  } catch (e) {
    return null;
  }
}

const pick = a => a[Math.floor(Math.random() * a.length)];
const between = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));
const pence = (lo, hi) => (between(lo * 100, hi * 100) / 100).toFixed(2);

// The mix: weight (share of requests), User (token), DCC User Role, the device pool, SRV, payload. Reads are about
// two thirds; the writes change what later reads return (balance, tariff, supply), as a supplier's day would.
// Pools: ESMEs whose import supplier is the User's Party (IS), GSMEs whose gas supplier it is (GS), the ESMEs of the
// distributor's areas (ED; the SMI lists an ED only those).
const MIX = [
  { weight: 10, token: 'demo-supplier-a', role: 'IS', pool: 'a-esme', srv: '8.2' },          // Read Inventory (SMI)
  { weight: 14, token: 'demo-supplier-a', role: 'IS', pool: 'a-esme', srv: '4.1.1' },        // Read Instantaneous Import Registers, ECS17b
  { weight: 8, token: 'demo-supplier-a', role: 'IS', pool: 'a-esme', srv: '4.18' },          // Read Meter Balance, ECS82
  { weight: 4, token: 'demo-supplier-a', role: 'IS', pool: 'a-esme', srv: '4.11.1' },        // Read Tariff (Primary Element), ECS24
  { weight: 4, token: 'demo-supplier-a', role: 'IS', pool: 'a-esme', srv: '7.4' },           // Read Supply Status, ECS45
  { weight: 4, token: 'demo-supplier-a', role: 'IS', pool: 'a-esme', srv: '6.2.4' },         // Read Device Configuration (Identity), ECS26e
  { weight: 10, token: 'demo-supplier-a', role: 'IS', pool: 'a-esme', srv: '2.2', payload: () => ({ amountPence: between(100, 5000) }) }, // Top Up Device, CS01a
  { weight: 4, token: 'demo-supplier-a', role: 'IS', pool: 'a-esme', srv: '1.1.1',           // Update Import Tariff (Primary Element), ECS01a
    payload: () => ({ unitRatePence: pence(15, 35), standingChargePence: pence(30, 60) }) },
  { weight: 2, token: 'demo-supplier-a', role: 'IS', pool: 'a-esme', srv: '7.2' },           // Disable Supply, ECS43
  { weight: 2, token: 'demo-supplier-a', role: 'IS', pool: 'a-esme', srv: '7.1' },           // Enable Supply, ECS42
  { weight: 6, token: 'demo-supplier-a', role: 'GS', pool: 'a-gsme', srv: '4.1.1' },         // GCS13a
  { weight: 4, token: 'demo-supplier-a', role: 'GS', pool: 'a-gsme', srv: '2.2', payload: () => ({ amountPence: between(100, 5000) }) }, // CS01b
  { weight: 8, token: 'demo-supplier-b', role: 'IS', pool: 'b-esme', srv: '4.1.1' },
  { weight: 4, token: 'demo-supplier-b', role: 'IS', pool: 'b-esme', srv: '2.2', payload: () => ({ amountPence: between(100, 5000) }) },
  { weight: 2, token: 'demo-supplier-b', role: 'IS', pool: 'b-esme', srv: '1.2.1', payload: () => ({ unitRatePence: pence(15, 35) }) }, // Update Price, ECS01b
  { weight: 8, token: 'demo-network', role: 'ED', pool: 'ed-esme', srv: '4.1.1' },
];
const READ = [{ weight: 1, token: 'demo-supplier-a', role: 'IS', pool: 'a-esme', srv: '8.2' }];

async function pools(entries) {
  const wanted = new Set(entries.map(e => e.pool));
  const found = {};
  const list = async (token, type) => (await get(`/api/devices?type=${type}&size=500`, token)).items;
  if (wanted.has('a-esme')) found['a-esme'] = (await list('demo-supplier-a', 'ESME')).filter(d => d.importSupplier === 'SUPPLIER-A');
  if (wanted.has('a-gsme')) found['a-gsme'] = (await list('demo-supplier-a', 'GSME')).filter(d => d.gasSupplier === 'SUPPLIER-A');
  if (wanted.has('b-esme')) found['b-esme'] = (await list('demo-supplier-b', 'ESME')).filter(d => d.importSupplier === 'SUPPLIER-B');
  if (wanted.has('ed-esme')) found['ed-esme'] = await list('demo-network', 'ESME');
  for (const p of wanted) {
    if (!found[p] || found[p].length === 0) throw new Error(`no device for pool ${p} in the SMI: start the server with --demo`);
    found[p] = found[p].map(d => d.deviceId);
  }
  return found;
}

// one entry drawn by weight
function chooser(entries) {
  const total = entries.reduce((s, e) => s + e.weight, 0);
  return () => {
    let r = Math.random() * total;
    for (const e of entries) {
      if ((r -= e.weight) < 0) return e;
    }
    return entries[entries.length - 1];
  };
}

// the body of one request of an entry: its SRV by its User's role to a device of its pool, with its payload
function bodyOf(e, devices) {
  const body = { srv: e.srv, userRole: e.role, deviceId: pick(devices[e.pool]) };
  if (e.payload) body.payload = e.payload();
  return JSON.stringify(body);
}

// autocannon for DURATION seconds at CONNECTIONS (or the fixed rate), each request made by setupRequest
function load(duration, request) {
  return new Promise((resolve, reject) => {
    autocannon({
      url: `${base}/api/service-requests`, connections, duration, headers: headersOf(auditToken),
      ...(fixedRate > 0 ? { overallRate: fixedRate } : {}),
      requests: [request],
    }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

function run(duration, choose, devices, accepted) {
  return load(duration, {
    method: 'POST',
    setupRequest: (r, context) => {
      const e = choose();
      context.token = e.token;
      return { ...r, headers: headersOf(e.token), body: bodyOf(e, devices) };
    },
    // the request id is the first field of a 202 body: {"requestId":"...",
    onResponse: accepted && ((status, body, context) => {
      if (status === 202) accepted.push([body.substring(14, body.indexOf('"', 14)), context.token]);
    }),
  });
}

// poll mode: GET /api/service-requests/{id} of one of the seeded requests at random, by the User that sent it
function runPoll(duration, requests) {
  return load(duration, {
    method: 'GET',
    setupRequest: r => {
      const [id, token] = pick(requests);
      return { ...r, path: `/api/service-requests/${id}`, headers: headersOf(token) };
    },
  });
}

// poll mode's requests to read: the mix sent once, CONNECTIONS at a time, then waited for until final
async function seed(count, choose, devices) {
  const sent = [];
  let left = count;
  const worker = async () => {
    while (left-- > 0) {
      const e = choose();
      const r = await fetch(base + '/api/service-requests', { method: 'POST', headers: headersOf(e.token), body: bodyOf(e, devices) });
      const answer = await r.json();
      if (r.status === 202) sent.push([answer.requestId, e.token]);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  if (sent.length === 0) throw new Error('no request accepted to poll: start the server with --demo');
  await drain(sent, Date.now() + 60 * 1000);
  return sent;
}

// GETs each request until it is final or the drain time is over; returns counts by state, and in lastFinal the
// latest updatedAt (epoch ms) of a final request: when the last of them was carried out
async function drain(accepted, deadline) {
  const states = { lastFinal: 0 };
  let open = accepted;
  while (open.length > 0) {
    const still = [];
    let next = 0;
    const worker = async () => {
      while (next < open.length) {
        const [id, token] = open[next++];
        const view = await get(`/api/service-requests/${id}`, token);
        if (['COMPLETED', 'FAILED', 'PARTIALLY_FAILED'].includes(view.state)) {
          states[view.state] = (states[view.state] || 0) + 1;
          states.lastFinal = Math.max(states.lastFinal, Date.parse(view.updatedAt));
        } else if (Date.now() >= deadline) {
          states[view.state] = (states[view.state] || 0) + 1;
        } else {
          still.push([id, token]);
        }
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    open = still;
    if (open.length > 0) await new Promise(r => setTimeout(r, 200));
  }
  return states;
}

(async () => {
  if (!['read', 'mix', 'poll'].includes(mode)) throw new Error(`mode must be read, mix or poll, got '${mode}'`);
  const entries = mode === 'read' ? READ : MIX;
  const devices = await pools(entries);
  const choose = chooser(entries);
  const polled = mode === 'poll' ? await seed(pollSeed, choose, devices) : null;
  // the mode's load for d seconds; the mix keeps the ids of the requests it accepts in `into` (null: none kept)
  const measure = (d, into) => (polled ? runPoll(d, polled) : run(d, choose, devices, into));
  if (warmup > 0) await measure(warmup, null);
  const accepted = mode === 'mix' ? [] : null;
  // the demo Users' requests all count: the audit row ids are one sequence; read the newest through each User
  const newest = async () => Math.max(...await Promise.all([...new Set(entries.map(e => e.token))].map(async t =>
    (await get('/api/service-requests?limit=1', t)).map(r => r.audit_id).concat(-1)[0])));
  const before = await newest();
  const cpuBefore = await serverCpuSeconds();
  const started = Date.now();
  const res = await measure(seconds, accepted);
  const ended = Date.now();
  const cpuAfter = await serverCpuSeconds();
  const after = await newest();
  const l = res.latency;
  const rate = res.requests.total / res.duration;
  if (polled) console.log(`poll mode: GET of ${polled.length} requests, each final (history, responses), by their Users`);
  console.log(`${mode} mode: ${res.requests.total} requests in ${res.duration.toFixed(1)} s over ${connections} connections (after ${warmup} s of warm-up)`);
  console.log(`requests/s: ${rate.toFixed(0)}`);
  console.log(`latency ms: mean ${l.mean.toFixed(2)}, p50 ${l.p50}, p90 ${l.p90}, p99 ${l.p99}, p99.9 ${l.p99_9}, max ${l.max}`);
  console.log(`responses: 2xx ${res['2xx']}, non-2xx ${res.non2xx}; errors ${res.errors}, timeouts ${res.timeouts}`);
  // 503 Service Request deferred: the server records the devices' events too far behind and takes no more DSP work
  // for now (serviceRequests.maxRecordingLagMs); the accepted rate is then the rate it can carry and record
  const deferred = (res.statusCodeStats && res.statusCodeStats['503']) ? res.statusCodeStats['503'].count : 0;
  if (deferred > 0) {
    console.log(`deferred (503, the events' recording behind its limit): ${deferred}; accepted (2xx)/s: `
      + `${(res['2xx'] / res.duration).toFixed(0)}`);
  }
  console.log(`Little's law: mean latency x rate = ${(l.mean / 1000 * rate).toFixed(1)} requests in flight (connections: ${connections})`);
  if (cpuBefore !== null && cpuAfter !== null && res.requests.total > 0) {
    // the server process only (not its database server, not this load generator); includes the work the requests
    // leave behind during the run (device events, their recording) and anything else the process does meanwhile
    const cpu = cpuAfter.process - cpuBefore.process;
    const perRequest = s => (s * 1000 / res.requests.total).toFixed(3);
    console.log(`server process CPU: ${perRequest(cpu)} ms per request (${cpu.toFixed(1)} s `
      + `over ${((ended - started) / 1000).toFixed(1)} s, ${(cpu / ((ended - started) / 1000) * 100).toFixed(0)} % of one core)`
      + (fixedRate > 0 ? `; fixed rate ${fixedRate} requests/s` : ''));
    // the JIT compilers still at work after the warm-up add to the process's CPU without being the requests' cost.
    // Where the server reports its compiler threads' CPU (Linux), the process's CPU less theirs is the requests' own
    // (plus anything else the process does meanwhile). It still falls with a longer warm-up, since code not yet
    // optimised runs slower, but it leaves out the compilers' own share, which differs most between runs.
    // Elsewhere the JVM's elapsed time in compilation is shown instead: on a loaded machine a compiler thread waits
    // for a core, so that overstates their CPU (here up to twice) and is not subtracted
    if (cpuBefore.jitCpu !== null && cpuAfter.jitCpu !== null) {
      const jit = cpuAfter.jitCpu - cpuBefore.jitCpu;
      console.log(`JIT compiler threads' CPU during the run: ${jit.toFixed(1)} s (${perRequest(jit)} ms per request); `
        + `server process CPU without them: ${perRequest(cpu - jit)} ms per request`);
    } else if (cpuBefore.jit !== null && cpuAfter.jit !== null) {
      const jit = cpuAfter.jit - cpuBefore.jit;
      console.log(`JIT compilation during the run: ${jit.toFixed(1)} s (time in the JVM's compilers, ${perRequest(jit)} ms `
        + `per request; more than a few % of the run: the server was still compiling)`);
    }
  }
  // the requests in flight when the run stops are still decided and audited, so up to CONNECTIONS more rows
  if (polled) {
    console.log(`decision audit: ${after - before} rows added (a GET adds none)`);
  } else {
    console.log(`decision audit: ${after - before} rows added (responses counted: ${res['2xx'] + res.non2xx}, `
      + `plus up to ${connections} requests in flight when the run stopped)`);
  }
  if (accepted) {
    const { lastFinal, ...states } = await drain(accepted, ended + drainSeconds * 1000);
    const took = ((Date.now() - ended) / 1000).toFixed(1);
    const shown = Object.entries(states).sort().map(([s, n]) => `${s} ${n}`).join(', ');
    console.log(`completion: ${states.COMPLETED || 0} of ${accepted.length} accepted requests COMPLETED within `
      + `${drainSeconds} s after the run (${shown}; checked by GET in ${took} s)`);
    // whether the devices' side (DSP, CSPs, emulated devices) kept pace: when the last request's final device event
    // occurred (its updatedAt is the event's time, the server's clock on this machine), over the time from the start
    // of the run. The event is recorded later, by the event writer: the completion count above says how much later
    const finals = (states.COMPLETED || 0) + (states.FAILED || 0) + (states.PARTIALLY_FAILED || 0);
    if (finals === accepted.length && lastFinal > started) {
      const span = (lastFinal - started) / 1000;
      console.log(`devices answered: ${(finals / span).toFixed(0)} requests/s (the last final device event ${span.toFixed(1)} s `
        + `after the run started, ${(span - res.duration).toFixed(1)} s after it ended; event time, recorded later)`);
    }
  }
})().catch(e => {
  console.error(`bench-http: ${e.message}`);
  process.exit(1);
});
