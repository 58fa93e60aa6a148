/*
 * What the persona pages share: sign-in state, calls that turn problem details into messages next to the field they
 * name, and small builders that only ever set text (no HTML from data).
 */
(function () {
  'use strict';

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') node.textContent = value;
      else if (name === 'onclick') node.addEventListener('click', value);
      else node.setAttribute(name, value === true ? '' : value);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function facts(pairs) {
    var dl = el('dl', {class: 'facts'});
    pairs.forEach(function (pair) {
      if (pair[1] === null || pair[1] === undefined || pair[1] === '') return;
      dl.appendChild(el('dt', {text: pair[0]}));
      dl.appendChild(el('dd', {text: String(pair[1])}));
    });
    return dl;
  }

  function when(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    return d.toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
  }

  /** "due in 3 h 5 min" or "overdue by 20 min": the clocks coordinators and supporters work against. */
  function clock(iso, now) {
    var ms = Date.parse(iso) - (now || Date.now());
    var minutes = Math.round(Math.abs(ms) / 60000);
    var text = minutes >= 60 ? Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min' : minutes + ' min';
    return {late: ms < 0, text: ms < 0 ? 'overdue by ' + text : 'due in ' + text};
  }

  function words(value) {
    if (value === null || value === undefined) return '';
    return String(value).toLowerCase().replace(/_/g, ' ');
  }

  function clearErrors(form) {
    form.querySelectorAll('[aria-invalid]').forEach(function (input) { input.removeAttribute('aria-invalid'); });
    form.querySelectorAll('.error').forEach(function (p) { p.textContent = ''; });
    var general = form.querySelector('.problem');
    if (general) general.textContent = '';
  }

  /** Shows a problem detail: each named field's reason under that field, the rest at the top of the form. */
  function showProblem(form, problem, fallback) {
    clearErrors(form);
    var shown = false;
    var first = null;
    (problem && problem.errors || []).forEach(function (error) {
      var input = form.querySelector('[data-field="' + CSS.escape(error.field) + '"]');
      if (!input) return;
      var message = document.getElementById(input.id + '-error');
      if (message) message.textContent = error.reason.charAt(0).toUpperCase() + error.reason.slice(1) + '.';
      input.setAttribute('aria-invalid', 'true');
      shown = true;
      first = first || input;
    });
    var general = form.querySelector('.problem');
    if (!shown && general) {
      general.textContent = (problem && (problem.detail || problem.title)) || fallback || 'That did not work. Please try again.';
      general.focus();
    }
    if (first) first.focus();
  }

  /** A fetch response as {ok, status, body}, the body parsed when it is JSON. */
  function answerOf(response) {
    var type = response.headers.get('Content-Type') || '';
    var parse = type.indexOf('json') >= 0 ? response.json() : Promise.resolve(null);
    return parse.then(function (body) { return {ok: response.ok, status: response.status, body: body}; });
  }

  /** Calls a service; resolves with {ok, status, body} (body parsed when JSON), never rejects on an HTTP error. */
  function call(service, path, init) {
    return PeerSession.call(service, path, init).then(answerOf);
  }

  function announce(text) {
    var status = document.getElementById('status');
    if (status) status.textContent = text;
  }

  /** Starts a page for one role: signed out or without the role, says so and offers the sign-in. */
  function start(role, run) {
    var who = document.getElementById('who');
    PeerSession.ready().then(function (user) {
      var main = document.getElementById('content');
      if (!user || user.roles.indexOf(role) < 0) {
        document.getElementById('signed-out').hidden = false;
        main.hidden = true;
        if (user) document.getElementById('signed-out-reason').textContent = 'You are signed in without the ' + role + ' role.';
        return;
      }
      if (who) who.textContent = 'Signed in as ' + user.subject + (user.hospital ? ' at ' + user.hospital : '');
      main.hidden = false;
      run(user);
    });
    document.querySelectorAll('[data-sign-in]').forEach(function (button) {
      button.addEventListener('click', function () { PeerSession.signIn(location.pathname); });
    });
    document.querySelectorAll('[data-sign-out]').forEach(function (button) {
      button.addEventListener('click', function () { PeerSession.signOut(); location.assign('/'); });
    });
  }

  function formBody(form) {
    var body = {};
    form.querySelectorAll('[data-field]').forEach(function (input) {
      var path = input.getAttribute('data-field').split('.');
      var value;
      if (input.type === 'checkbox') value = input.checked;
      else if (input.type === 'radio') { if (!input.checked) return; value = input.value === 'true' ? true : input.value === 'false' ? false : input.value; }
      else value = input.value.trim() === '' ? null : input.value.trim();
      if (value === null) return;
      var target = body;
      for (var i = 0; i < path.length - 1; i++) target = target[path[i]] = target[path[i]] || {};
      target[path[path.length - 1]] = value;
    });
    return body;
  }

  function list(container, items, render, emptyText) {
    container.textContent = '';
    if (!items || items.length === 0) {
      container.appendChild(el('p', {class: 'empty', text: emptyText}));
      return;
    }
    var ul = el('ul', {class: 'cards'});
    items.forEach(function (item) { ul.appendChild(render(item)); });
    container.appendChild(ul);
  }

  window.Pages = {el: el, facts: facts, when: when, clock: clock, words: words, call: call, answerOf: answerOf, start: start,
    showProblem: showProblem, clearErrors: clearErrors, formBody: formBody, list: list, announce: announce};
}());
