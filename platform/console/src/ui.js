// Shared pieces of the pages: htm bound to Preact, data hooks, problem display, tables and labelled fields.
import { h } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';
import { api } from './api.js';

export const html = htm.bind(h);

/** Hash route helper: href for a console path such as "/campaigns/abc". */
export const href = (path) => `#${path}`;

export function navigate(path) {
  window.location.hash = path;
}

/**
 * Loads `path` from the API (GET) and again whenever `path` changes; with `pollMs`, every pollMs while the page
 * is open (no reload). Returns { data, problem, loading, reload }.
 */
export function useApi(path, pollMs) {
  const [state, setState] = useState({ data: null, problem: null, loading: true });
  const alive = useRef(true);
  const load = useCallback(async () => {
    if (!path) return;
    try {
      const data = await api('GET', path);
      if (alive.current) setState({ data, problem: null, loading: false });
    } catch (problem) {
      if (alive.current) setState((s) => ({ data: s.data, problem, loading: false }));
    }
  }, [path]);
  useEffect(() => {
    alive.current = true;
    setState({ data: null, problem: null, loading: true });
    load();
    let timer;
    if (pollMs) timer = setInterval(load, pollMs);
    return () => {
      alive.current = false;
      clearInterval(timer);
    };
  }, [path, pollMs]);
  return { ...state, reload: load };
}

/** Runs an action (a POST), keeping its problem and result: returns [run, { busy, problem, result }]. */
export function useAction(fn) {
  const [state, setState] = useState({ busy: false, problem: null, result: null });
  const run = async (...args) => {
    setState({ busy: true, problem: null, result: null });
    try {
      const result = await fn(...args);
      setState({ busy: false, problem: null, result });
      return result;
    } catch (problem) {
      setState({ busy: false, problem, result: null });
      return undefined;
    }
  };
  return [run, state];
}

export function Loading({ what }) {
  return html`<p class="muted" role="status">Loading ${what || ''}…</p>`;
}

/** An API problem: title, detail, field and rule, and the lists some answers carry (violations, errors). */
export function ProblemBox({ problem, notFound }) {
  if (!problem) return null;
  const b = problem.body || {};
  if (problem.status === 404 && notFound) {
    return html`<div class="problem" role="alert"><strong>Not found.</strong> ${notFound}</div>`;
  }
  return html`<div class="problem" role="alert">
    <strong>${b.title || 'Error'}${problem.status ? ` (${problem.status})` : ''}.</strong> ${b.detail || problem.message}
    ${b.field ? html` <span class="tag">field: ${b.field}</span>` : null}
    ${b.rule ? html` <span class="tag">rule: ${b.rule}</span>` : null}
    ${Array.isArray(b.violations) && b.violations.length ? html`<ul class="findings">
      ${b.violations.map((v) => html`<li><code>${v.ruleId}</code> ${v.message}${v.source ? html` <span class="muted">(${v.source})</span>` : null}</li>`)}
    </ul>` : null}
    ${Array.isArray(b.errors) && b.errors.length ? html`<${ErrorsTable} errors=${b.errors} />` : null}
    ${Array.isArray(b.allowedEvents) ? html`<p>Allowed now: ${b.allowedEvents.join(', ') || 'none'}</p>` : null}
  </div>`;
}

/** Parser or rule errors at file, line (and column, element for BPMN). */
export function ErrorsTable({ errors }) {
  const hasColumn = errors.some((e) => e.column != null || e.element != null);
  return html`<table class="errors">
    <caption class="sr-only">Errors by file and line</caption>
    <thead><tr><th scope="col">File</th><th scope="col">Line</th>
      ${hasColumn ? html`<th scope="col">Column</th><th scope="col">Element</th>` : null}
      <th scope="col">Message</th></tr></thead>
    <tbody>${errors.map((e) => html`<tr class="error-row">
      <td><code>${e.file ?? ''}</code></td><td>${e.line ?? ''}</td>
      ${hasColumn ? html`<td>${e.column ?? ''}</td><td><code>${e.element ?? ''}</code></td>` : null}
      <td>${e.message}</td></tr>`)}</tbody>
  </table>`;
}

/** A key/value list. */
export function Facts({ items }) {
  return html`<dl class="facts">${items.filter(Boolean).map(([k, v]) => html`<div><dt>${k}</dt><dd>${v ?? '—'}</dd></div>`)}</dl>`;
}

/** Counts as a small table: { key: n }. */
export function CountTable({ caption, counts, keyLabel }) {
  const entries = Object.entries(counts || {});
  return html`<table class="counts">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">${keyLabel || 'Value'}</th><th scope="col" class="num">Devices</th></tr></thead>
    <tbody>${entries.length ? entries.map(([k, n]) => html`<tr><th scope="row">${k === 'null' ? '—' : k}</th><td class="num">${n}</td></tr>`)
      : html`<tr><td colspan="2" class="muted">none</td></tr>`}</tbody>
  </table>`;
}

/** Devices per value and state ({ value: { state: n } }) as a table: one row per value, one column per state. */
export function BreakdownTable({ caption, keyLabel, data }) {
  const rows = Object.entries(data || {});
  const states = [...new Set(rows.flatMap(([, m]) => Object.keys(m)))];
  return html`<table class="counts breakdown">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">${keyLabel}</th>${states.map((s) => html`<th scope="col" class="num">${s}</th>`)}<th scope="col" class="num">Total</th></tr></thead>
    <tbody>${rows.length ? rows.map(([k, m]) => html`<tr><th scope="row">${k}</th>${states.map((s) => html`<td class="num">${m[s] ?? 0}</td>`)}
      <td class="num">${Object.values(m).reduce((a, b) => a + b, 0)}</td></tr>`)
      : html`<tr><td colspan=${states.length + 2} class="muted">none</td></tr>`}</tbody>
  </table>`;
}

let fieldIds = 0;
/** A labelled form control; `as` is input (default), select or textarea. */
export function Field({ label, hint, as = 'input', children, ...props }) {
  const id = useRef(props.id || `f${++fieldIds}`).current;
  const hintId = hint ? `${id}-hint` : undefined;
  const control = as === 'select'
    ? html`<select id=${id} aria-describedby=${hintId} ...${props}>${children}</select>`
    : as === 'textarea'
      ? html`<textarea id=${id} aria-describedby=${hintId} ...${props}></textarea>`
      : html`<input id=${id} aria-describedby=${hintId} ...${props} />`;
  return html`<div class="field"><label for=${id}>${label}</label>${control}${hint ? html`<small id=${hintId} class="muted">${hint}</small>` : null}</div>`;
}

export const fmtTime = (t) => (t ? new Date(t).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' }) : '—');
export const fmtDate = (d) => (d ? new Date(d).toLocaleDateString('en-GB', { dateStyle: 'medium' }) : '—');
export const short = (s, n = 8) => (s && s.length > n ? `${s.slice(0, n)}…` : s);

/** Whether the signed-in User holds one of these platform roles (ADMIN holds all). */
export function hasRole(me, ...roles) {
  const r = me?.platformRoles || [];
  return r.includes('ADMIN') || roles.some((x) => r.includes(x));
}
