'use strict';

// The one sign-in script every console page uses. The console is a public OIDC client: the browser runs the
// authorization-code flow with PKCE (S256) against the issuer named by GET /api/console/config, exchanges the code
// itself, and keeps the access token in sessionStorage only (this tab; never localStorage, never a cookie), so
// closing the tab signs out.
//
//   PeerSession.ready()                  -> Promise of {subject, hospital, roles: [...], name?} or null; completes a
//                                           redirect back from the issuer (?code=…&state=…) on whatever page it lands.
//   PeerSession.signIn(returnTo?)        -> goes to the issuer; comes back to returnTo (default: this page).
//   PeerSession.signOut()                -> forgets the token.
//   PeerSession.call(service, path, init?) -> fetch to that service (intake, matching, followup, notification,
//                                           training, console) with the bearer token; JSON by default; a 401 signs in.
//   PeerSession.config()                 -> Promise of the console's public configuration.
//
// Test seam: a test may seed a session without the issuer with
//   sessionStorage.setItem('peersupport.session', JSON.stringify({accessToken, expiresAt}))
// (expiresAt in epoch milliseconds; optional); ready() honours it like a session got by signing in.
(function () {
  const SESSION = 'peersupport.session';
  const PENDING = 'peersupport.signin';
  const SCOPES = 'openid profile';
  let configPromise = null;
  let readyPromise = null;

  function config() {
    if (!configPromise) {
      configPromise = fetch('/api/console/config', { headers: { Accept: 'application/json' } })
        .then(response => {
          if (!response.ok) throw new Error('console configuration unavailable (' + response.status + ')');
          return response.json();
        })
        .catch(error => { configPromise = null; throw error; });
    }
    return configPromise;
  }

  function base64Url(bytes) {
    let text = '';
    new Uint8Array(bytes).forEach(b => { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function randomText() {
    const bytes = new Uint8Array(32);
    crypto.getRandomValues(bytes);
    return base64Url(bytes);
  }

  async function challengeOf(verifier) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    return base64Url(digest);
  }

  // Only read to show who is signed in and which pages to offer; every service checks the token's signature itself.
  function claimsOf(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = decodeURIComponent(Array.from(atob(part),
        c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
      return JSON.parse(json);
    } catch (e) {
      return null;
    }
  }

  function stored() {
    try {
      const session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
      if (!session || typeof session.accessToken !== 'string') return null;
      if (typeof session.expiresAt === 'number' && session.expiresAt <= Date.now()) {
        sessionStorage.removeItem(SESSION);
        return null;
      }
      return session;
    } catch (e) {
      return null;
    }
  }

  function userOf(session) {
    if (!session) return null;
    const claims = claimsOf(session.accessToken) || {};
    const idClaims = session.idToken ? claimsOf(session.idToken) || {} : {};
    const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
    const user = { subject: claims.sub || idClaims.sub || null, hospital: claims.hospital || null, roles };
    const name = idClaims.name || claims.name;
    if (name) user.name = String(name);
    return user;
  }

  // The issuer sent the browser back here with ?code=…&state=…: exchange the code (with the PKCE verifier kept in
  // this tab before leaving) for tokens, and take code and state out of the address at once.
  async function completeRedirect() {
    const params = new URLSearchParams(location.search);
    const code = params.get('code');
    const state = params.get('state');
    const error = params.get('error');
    if (!code && !error) return;
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    ['code', 'state', 'error', 'error_description', 'iss', 'session_state'].forEach(key => params.delete(key));
    const query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
    if (error || !pending || pending.state !== state) return;
    const settings = await config();
    const response = await fetch(settings.issuer.replace(/\/$/, '') + '/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: pending.redirectUri,
        client_id: settings.clientId, code_verifier: pending.verifier })
    });
    if (!response.ok) return;
    const tokens = await response.json();
    if (tokens.id_token) {
      const idClaims = claimsOf(tokens.id_token);
      if (!idClaims || idClaims.nonce !== pending.nonce) return;
    }
    const session = { accessToken: tokens.access_token,
      expiresAt: Date.now() + 1000 * (Number(tokens.expires_in) || 300) };
    if (tokens.id_token) session.idToken = tokens.id_token;
    sessionStorage.setItem(SESSION, JSON.stringify(session));
    if (pending.returnTo && pending.returnTo !== location.pathname + location.search + location.hash) {
      location.replace(pending.returnTo);
    }
  }

  function ready() {
    if (!readyPromise) {
      readyPromise = completeRedirect()
        .catch(() => undefined)
        .then(() => userOf(stored()));
    }
    return readyPromise;
  }

  async function signIn(returnTo) {
    const settings = await config();
    const verifier = randomText();
    const state = randomText();
    const nonce = randomText();
    // One redirect URI per page origin: the issuer knows the console's pages by their path, the page to go back to
    // is remembered here.
    const redirectUri = location.origin + '/index.html';
    const back = typeof returnTo === 'string' && returnTo.startsWith('/') && !returnTo.startsWith('//')
      ? returnTo : location.pathname + location.search + location.hash;
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce, redirectUri, returnTo: back }));
    const query = new URLSearchParams({ response_type: 'code', client_id: settings.clientId, redirect_uri: redirectUri,
      scope: SCOPES, state, nonce, code_challenge: await challengeOf(verifier), code_challenge_method: 'S256' });
    location.assign(settings.issuer.replace(/\/$/, '') + '/oauth2/authorize?' + query.toString());
  }

  function signOut() {
    sessionStorage.removeItem(SESSION);
    sessionStorage.removeItem(PENDING);
    readyPromise = null;
  }

  async function call(service, path, init) {
    const settings = await config();
    const base = settings.services && settings.services[service];
    if (base === undefined) throw new Error('unknown service ' + service);
    const options = Object.assign({}, init || {});
    const headers = new Headers(options.headers || {});
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    if (options.body !== undefined && options.body !== null && typeof options.body !== 'string'
        && !(options.body instanceof FormData) && !(options.body instanceof Blob)
        && !(options.body instanceof URLSearchParams)) {
      options.body = JSON.stringify(options.body);
    }
    if (typeof options.body === 'string' && !headers.has('Content-Type')) {
      headers.set('Content-Type', 'application/json');
    }
    const session = stored();
    if (session) headers.set('Authorization', 'Bearer ' + session.accessToken);
    options.headers = headers;
    // Bearer header only: no cookies travel to the services.
    options.credentials = 'omit';
    const response = await fetch(base.replace(/\/$/, '') + path, options);
    if (response.status === 401) {
      signOut();
      signIn();
    }
    return response;
  }

  window.PeerSession = Object.freeze({ ready, signIn, signOut, call, config });
})();
