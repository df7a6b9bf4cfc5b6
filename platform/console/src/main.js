// The secflow console: sign-in with a bearer token (kept in sessionStorage), pasted or, when the server names an
// identity provider, obtained from it (oidc.js), then pages that call the public REST API as that User. Pages are addressed by URL fragment (#/campaigns/...), so / is the only page the server
// serves and deep links survive a reload.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, onUnauthenticated, setToken, token } from './api.js';
import { Field, ProblemBox, href, html } from './ui.js';
import { completeSignIn, isCallback, signInSettings, signOut, startSignIn } from './oidc.js';
import { CampaignCreate, CampaignList, CampaignPage } from './pages/campaigns.js';
import { ProcessList, ProcessPage } from './pages/processes.js';
import { ModificationList, ModificationPage, TaskList } from './pages/modifications.js';
import { RuleFilePage, RulesPage } from './pages/rules.js';
import { RequestAudit, RequestPage } from './pages/requests.js';
import { MaintenancePage } from './pages/maintenance.js';
import { CreditCoverPage } from './pages/creditcover.js';
import { SystemPage } from './pages/system.js';

const NAV = [
  ['/campaigns', 'Campaigns'], ['/processes', 'Processes'], ['/modifications', 'Modifications'], ['/tasks', 'My tasks'],
  ['/rules', 'Rules'], ['/service-requests', 'Service Requests'], ['/maintenance', 'Planned Maintenance'],
  ['/credit-cover', 'Credit Cover'], ['/system', 'Health and plugins'],
];

function currentRoute() {
  const raw = window.location.hash.replace(/^#/, '') || '/campaigns';
  const [path, q] = raw.split('?');
  return { path, params: new URLSearchParams(q || ''), parts: path.split('/').filter(Boolean).map(decodeURIComponent) };
}

function page(route, me) {
  const [a, b, c] = route.parts;
  switch (a) {
    case 'campaigns':
      if (b === 'new') return html`<${CampaignCreate} me=${me} />`;
      return b ? html`<${CampaignPage} key=${b} id=${b} me=${me} />` : html`<${CampaignList} me=${me} />`;
    case 'processes':
      return b ? html`<${ProcessPage} key=${b + route.params} processKey=${b} params=${route.params} me=${me} />` : html`<${ProcessList} me=${me} />`;
    case 'modifications':
      return b ? html`<${ModificationPage} key=${b} reference=${b} me=${me} />` : html`<${ModificationList} me=${me} />`;
    case 'tasks':
      return html`<${TaskList} me=${me} />`;
    case 'rules':
      return b === 'files' && c ? html`<${RuleFilePage} key=${c} file=${c} />` : html`<${RulesPage} me=${me} />`;
    case 'service-requests':
      return b ? html`<${RequestPage} key=${b} id=${b} />` : html`<${RequestAudit} me=${me} />`;
    case 'maintenance':
      return html`<${MaintenancePage} key=${route.params.get('month') || ''} params=${route.params} me=${me} />`;
    case 'credit-cover':
      return html`<${CreditCoverPage} me=${me} />`;
    case 'system':
      return html`<${SystemPage} />`;
    default:
      return html`<section><h1>Not found</h1><p>No console page ${route.path}. <a href=${href('/campaigns')}>Campaigns</a></p></section>`;
  }
}

function SignIn({ onSignedIn, expired, settings, refused }) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const [redirecting, setRedirecting] = useState(false);
  const throughProvider = async () => {
    setRedirecting(true);
    try {
      await startSignIn(settings);
    } catch (e) {
      setProblem({ body: { title: 'Sign-in not started', detail: e.message } });
      setRedirecting(false);
    }
  };
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setToken(value.trim());
    try {
      onSignedIn(await get('/me'));
    } catch (p) {
      setToken(null);
      setProblem(p);
    }
    setBusy(false);
  };
  return html`<main class="signin" id="main">
    <h1>secflow console</h1>
    ${refused ? html`<p class="problem" role="alert" id="signin-refused">${refused}</p>` : null}
    ${expired ? html`<p class="problem" role="alert">Your token was not accepted any more; sign in again.</p>` : null}
    ${settings ? html`<section class="signin-idp" aria-labelledby="signin-idp-title">
      <h2 id="signin-idp-title" class="sr-only">Through your organisation's sign-in</h2>
      <button type="button" id="signin-oidc" onClick=${throughProvider} disabled=${redirecting}>Sign in with ${settings.providerName}</button>
      <p class="muted">Your identity provider asks who you are and sends you back here; the token it gives is kept in this browser tab only.</p>
    </section>` : null}
    <p>${settings ? 'Or sign in' : 'Sign in'} with the bearer token your administrator gave you. It is kept in this browser tab only (session storage) and sent with every call to the API.</p>
    <form class="form" onSubmit=${submit} id="signin-form">
      <${Field} label="Bearer token" type="password" name="token" id="token" autocomplete="off" required value=${value} onInput=${(e) => setValue(e.target.value)} />
      <${ProblemBox} problem=${problem} />
      <button type="submit" disabled=${busy}>Sign in</button>
    </form>
  </main>`;
}

function App() {
  const [me, setMe] = useState(null);
  const [checking, setChecking] = useState(true);
  const [expired, setExpired] = useState(false);
  const [settings, setSettings] = useState(null);
  const [refused, setRefused] = useState(null);
  const [route, setRoute] = useState(currentRoute());
  useEffect(() => {
    const onHash = () => {
      setRoute(currentRoute());
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onHash);
    onUnauthenticated(() => {
      setToken(null);
      setMe(null);
      setExpired(true);
    });
    (async () => {
      const s = await signInSettings().catch(() => null);
      setSettings(s);
      const callback = isCallback();
      if (callback) {
        try {
          await completeSignIn(s);
        } catch (e) {
          setToken(null);
          setRefused(e.message);
        }
        setRoute(currentRoute());
      }
      if (token()) {
        try {
          setMe(await get('/me'));
        } catch (p) {
          setToken(null);
          if (callback) setRefused(`The API did not accept the identity provider's token: ${p.message}`);
        }
      }
      setChecking(false);
    })();
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    const h = document.querySelector('main h1');
    document.title = `${h ? `${h.textContent} – ` : ''}secflow console`;
  });
  if (checking) return html`<p class="muted" role="status">Checking your sign-in…</p>`;
  if (!me) {
    return html`<${SignIn} expired=${expired} settings=${settings} refused=${refused}
      onSignedIn=${(u) => { setExpired(false); setRefused(null); setMe(u); }} />`;
  }
  const leave = async () => {
    setMe(null);
    await signOut(settings);
  };
  return html`<div class="shell">
    <a class="skip" href="#main" onClick=${(e) => { e.preventDefault(); document.getElementById('main').focus(); }}>Skip to content</a>
    <header>
      <span class="brand">secflow</span>
      <nav aria-label="Console pages"><ul>${NAV.map(([p, label]) => html`<li><a href=${href(p)} aria-current=${route.path.startsWith(p) ? 'page' : undefined}>${label}</a></li>`)}</ul></nav>
      <div class="who"><span id="who">${me.name || me.userId}</span> <span class="muted">${me.party}</span>
        <button class="link" onClick=${leave} id="signout">Sign out</button></div>
    </header>
    <main id="main" tabindex="-1">${page(route, me)}</main>
  </div>`;
}

const root = document.getElementById('app');
root.textContent = ''; // the no-JavaScript notice
render(html`<${App} />`, root);
