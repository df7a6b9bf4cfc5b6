// Sign-in through the identity provider: OpenID Connect authorization code flow with PKCE (RFC 7636, S256) as a
// public client, with oauth4webapi doing the protocol (state, nonce, issuer and ID Token claim checks, the token
// request). The access token it yields is the bearer token of every API call, as a pasted one would be; it and the
// ID Token (for sign-out) are kept in this tab's session storage, and the code and state never stay in the address.
import * as oauth from 'oauth4webapi';
import { setToken } from './api.js';

const PENDING = 'secflow.oidc.pending'; // {state, nonce, verifier, route} while the browser is at the provider
const ID_TOKEN = 'secflow.oidc.idToken';

/** A sign-in the console refused (bad state, an error from the provider, a refused token answer). */
export class SignInRefused extends Error {}

/** The console's sign-in settings from GET /api/console/config: {issuer, clientId, providerName, scopes, ...} or null. */
export async function signInSettings() {
  const res = await fetch('/api/console/config', { headers: { Accept: 'application/json' } });
  if (!res.ok) return null;
  return (await res.json()).oidc || null;
}

// http is allowed only for a provider on this machine (a local test provider); anything else must be https
function requestOptions(settings) {
  const u = new URL(settings.issuer);
  const loopback = u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
  return { [oauth.allowInsecureRequests]: loopback };
}

const redirectUri = () => `${window.location.origin}${window.location.pathname}`;

let discovered = null;
/** The provider's endpoints: from the settings when given, else its discovery document (checked against the issuer). */
async function authorizationServer(settings) {
  if (settings.authorizationEndpoint && settings.tokenEndpoint) {
    return {
      issuer: settings.issuer,
      authorization_endpoint: settings.authorizationEndpoint,
      token_endpoint: settings.tokenEndpoint,
      end_session_endpoint: settings.endSessionEndpoint || undefined,
    };
  }
  if (!discovered) {
    const issuer = new URL(settings.issuer);
    discovered = oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...requestOptions(settings) })
      .then((r) => oauth.processDiscoveryResponse(issuer, r))
      .catch((e) => {
        discovered = null;
        throw new SignInRefused(`The identity provider's settings could not be read from ${settings.issuer}: ${e.message}`);
      });
  }
  return discovered;
}

/** Sends the browser to the provider's sign-in page; the current page is opened again once signed in. */
export async function startSignIn(settings) {
  const as = await authorizationServer(settings);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  sessionStorage.setItem(PENDING, JSON.stringify({ state, nonce, verifier, route: window.location.hash }));
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('scope', settings.scopes.join(' '));
  url.searchParams.set('state', state);
  url.searchParams.set('nonce', nonce);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  window.location.assign(url.href);
}

/** Whether the address carries the provider's answer (?code=...&state=... or ?error=...). */
export function isCallback() {
  const q = new URLSearchParams(window.location.search);
  return q.has('state') || q.has('code') || q.has('error');
}

/**
 * Completes a sign-in from the provider's answer in the address: removes it from the address first, checks state
 * (and iss where the provider sends it), exchanges the code with the PKCE verifier, checks the ID Token's nonce,
 * issuer, audience and times, and keeps the access token. Rejects with SignInRefused saying why.
 */
export async function completeSignIn(settings) {
  const params = new URLSearchParams(window.location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  window.history.replaceState(null, '', `${window.location.pathname}${pending?.route || ''}`);
  if (!settings) throw new SignInRefused('This server is not set up for sign-in through an identity provider.');
  if (!pending) throw new SignInRefused('No sign-in was started in this browser tab; start again.');
  const as = await authorizationServer(settings);
  const client = { client_id: settings.clientId };
  let result;
  try {
    const checked = oauth.validateAuthResponse(as, client, params, pending.state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), checked, redirectUri(),
      pending.verifier, requestOptions(settings));
    result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
  } catch (e) {
    const said = e.error_description || e.error || e.message;
    throw new SignInRefused(`The identity provider's answer was refused: ${said}`);
  }
  setToken(result.access_token);
  if (result.id_token) sessionStorage.setItem(ID_TOKEN, result.id_token);
}

/** Forgets the tokens; with a provider that has an end-session endpoint, ends the sign-in there too. */
export async function signOut(settings) {
  const idToken = sessionStorage.getItem(ID_TOKEN);
  sessionStorage.removeItem(ID_TOKEN);
  setToken(null);
  if (!settings || !idToken) return;
  let as;
  try {
    as = await authorizationServer(settings);
  } catch (e) {
    return; // the tokens are gone from this tab; the provider's own sign-in lapses by itself
  }
  if (!as.end_session_endpoint) return;
  const url = new URL(as.end_session_endpoint);
  url.searchParams.set('id_token_hint', idToken);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('post_logout_redirect_uri', redirectUri());
  window.location.assign(url.href);
}
