/*
 * The one sign-in script of every console page (a stand-in with the agreed interface until the OIDC sign-in lands):
 *   PeerSession.ready()          → Promise of {subject, hospital, roles:[…]} or null
 *   PeerSession.signIn(returnTo) → to the sign-in
 *   PeerSession.signOut()        → forgets the token
 *   PeerSession.call(service, path, init) → fetch to that service's base URL with the bearer token
 * Base URLs come from the console's GET /api/console/config. The token lives in this tab's sessionStorage only
 * (never localStorage or a cookie), as {accessToken, expiresAt}; tests seed a session the same way.
 */
(function () {
  'use strict';
  var KEY = 'peersupport.session';
  var configPromise = null;

  function stored() {
    try {
      var session = JSON.parse(sessionStorage.getItem(KEY) || 'null');
      if (!session || !session.accessToken) return null;
      if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) {
        sessionStorage.removeItem(KEY);
        return null;
      }
      return session;
    } catch (e) {
      return null;
    }
  }

  function claims(token) {
    var part = token.split('.')[1] || '';
    var json = atob(part.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((part.length + 3) % 4));
    return JSON.parse(decodeURIComponent(Array.prototype.map.call(json, function (c) {
      return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
    }).join('')));
  }

  function config() {
    if (!configPromise) {
      configPromise = fetch('/api/console/config').then(function (response) {
        if (!response.ok) throw new Error('The console configuration could not be read.');
        return response.json();
      });
    }
    return configPromise;
  }

  function ready() {
    var session = stored();
    if (!session) return Promise.resolve(null);
    try {
      var c = claims(session.accessToken);
      if (c.exp && c.exp * 1000 <= Date.now()) {
        sessionStorage.removeItem(KEY);
        return Promise.resolve(null);
      }
      var roles = Array.isArray(c.roles) ? c.roles : (c.roles ? String(c.roles).split(/[ ,]+/) : []);
      return Promise.resolve({subject: c.sub, hospital: c.hospital || null, roles: roles});
    } catch (e) {
      return Promise.resolve(null);
    }
  }

  function signIn(returnTo) {
    var back = returnTo || (location.pathname + location.search);
    location.assign('/?signIn=' + encodeURIComponent(back));
  }

  function signOut() {
    sessionStorage.removeItem(KEY);
  }

  function call(service, path, init) {
    var session = stored();
    if (!session) {
      signIn();
      return Promise.reject(new Error('Not signed in.'));
    }
    return config().then(function (c) {
      var base = c.services && c.services[service];
      if (typeof base !== 'string') throw new Error('No address for ' + service + '.');
      var options = Object.assign({}, init || {});
      var headers = new Headers(options.headers || {});
      headers.set('Authorization', 'Bearer ' + session.accessToken);
      if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
      if (options.body !== undefined && typeof options.body !== 'string' && !(options.body instanceof FormData)) {
        options.body = JSON.stringify(options.body);
      }
      if (options.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
      options.headers = headers;
      options.credentials = 'omit';
      return fetch(base.replace(/\/$/, '') + path, options).then(function (response) {
        if (response.status === 401) {
          signOut();
          signIn();
        }
        return response;
      });
    });
  }

  window.PeerSession = {ready: ready, signIn: signIn, signOut: signOut, call: call};
}());
