/* The staff member's page: crisis lines first, their request (status, withdraw), outreach offers, the form. */
(function () {
  'use strict';
  var P = Pages;
  var user;

  function mineKey() { return 'peersupport.myRequest.' + user.hospital + '.' + user.subject; }

  function crisisResources(hospital) {
    if (!hospital) return;
    P.call('intake', '/api/hospitals/' + encodeURIComponent(hospital) + '/crisis-resources').then(function (answer) {
      if (!answer.ok || !Array.isArray(answer.body)) return;
      var ul = document.getElementById('crisis-resources');
      ul.textContent = '';
      answer.body.forEach(function (line) {
        ul.appendChild(P.el('li', {}, [P.el('strong', {text: line.name}), line.phone ? ': ' + line.phone : '',
          line.note ? ' — ' + line.note : '']));
      });
    });
  }

  function showMine(request) {
    var box = document.getElementById('mine');
    box.textContent = '';
    if (!request) {
      box.appendChild(P.el('p', {class: 'empty', text: 'You have no open request.'}));
      return;
    }
    var open = request.status === 'SUBMITTED' || request.status === 'ESCALATED' || request.status === 'ASSIGNED';
    var explain = {SUBMITTED: 'We are finding a supporter for you.',
      ESCALATED: 'Your coordinator is finding a supporter for you by hand.',
      ASSIGNED: 'A supporter has your request and will reach you.',
      WITHDRAWN: 'You withdrew this request. You can ask again at any time.',
      CLOSED: 'This request is closed.'}[request.status] || '';
    box.appendChild(P.el('p', {id: 'mine-status', 'data-status': request.status},
      [P.el('strong', {text: P.words(request.status)}), ' — ' + explain]));
    box.appendChild(P.facts([['Reference', request.reference], ['Asked', P.when(request.submittedAt)],
      ['Assigned', P.when(request.assignedAt)], ['Withdrawn', P.when(request.withdrawnAt)]]));
    if (open) {
      box.appendChild(P.el('button', {type: 'button', id: 'withdraw', class: 'secondary', text: 'Withdraw my request',
        onclick: function () { withdraw(request.reference); }}));
    }
  }

  function loadMine() {
    var reference = localStorage.getItem(mineKey());
    if (!reference) { showMine(null); return; }
    P.call('intake', '/api/hospitals/' + encodeURIComponent(user.hospital) + '/requests/' + encodeURIComponent(reference))
      .then(function (answer) {
        if (answer.ok) showMine(answer.body);
        else { localStorage.removeItem(mineKey()); showMine(null); }
      });
  }

  function withdraw(reference) {
    P.call('intake', '/api/hospitals/' + encodeURIComponent(user.hospital) + '/requests/' + encodeURIComponent(reference)
      + '/withdrawal', {method: 'POST'}).then(function (answer) {
      var problem = document.getElementById('mine-problem');
      problem.textContent = '';
      if (answer.ok) { showMine(answer.body); P.announce('Your request is withdrawn.'); }
      else { problem.textContent = (answer.body && answer.body.detail) || 'It could not be withdrawn.'; problem.focus(); }
    });
  }

  function loadOutreach() {
    P.call('intake', '/api/hospitals/' + encodeURIComponent(user.hospital) + '/outreach-offers').then(function (answer) {
      P.list(document.getElementById('outreach'), answer.ok ? answer.body : [], function (offer) {
        return P.el('li', {'data-offer': offer.offerId}, [
          P.el('h3', {text: offer.origin === 'TRIGGER' ? 'Support after an event at work' : 'A colleague thought of you'}),
          P.facts([['Offered', P.when(offer.offeredAt)], ['Open until', P.when(offer.expiresAt)]]),
          P.el('div', {class: 'actions'}, [
            P.el('button', {type: 'button', text: 'Accept with my answers below', onclick: function () { acceptOutreach(offer.offerId); }}),
            P.el('button', {type: 'button', class: 'secondary', text: 'No, thank you', onclick: function () { declineOutreach(offer.offerId); }})])]);
      }, 'No offers.');
    });
  }

  function acceptOutreach(offerId) {
    var form = document.getElementById('ask');
    send('/outreach-offers/' + encodeURIComponent(offerId) + '/acceptance', form).then(loadOutreach);
  }

  function declineOutreach(offerId) {
    P.call('intake', '/api/hospitals/' + encodeURIComponent(user.hospital) + '/outreach-offers/'
      + encodeURIComponent(offerId) + '/decline', {method: 'POST'}).then(function () {
      P.announce('The offer is declined.');
      loadOutreach();
    });
  }

  function showCrisis(answer) {
    var aside = document.getElementById('crisis');
    var p = P.el('p', {id: 'crisis-answer', role: 'alert'}, [P.el('strong', {text: answer.message})]);
    var old = document.getElementById('crisis-answer');
    if (old) old.remove();
    aside.insertBefore(p, aside.children[1]);
    (answer.resources || []).length && crisisResources(user.hospital);
    aside.setAttribute('tabindex', '-1');
    aside.focus();
  }

  function send(path, form) {
    P.clearErrors(form);
    var body = P.formBody(form);
    var key = 'page-' + (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
    return P.call('intake', '/api/hospitals/' + encodeURIComponent(user.hospital) + path,
      {method: 'POST', body: body, headers: {'Idempotency-Key': key.slice(0, 64)}}).then(function (answer) {
      if (answer.ok && answer.body && answer.body.crisis) { showCrisis(answer.body); return; }
      if (answer.ok && answer.body && answer.body.reference) {
        localStorage.setItem(mineKey(), answer.body.reference);
        showMine(answer.body);
        P.announce(answer.body.alreadyOpen ? 'You already have an open request; here it is.' : 'Your request is sent.');
        document.getElementById('mine-title').scrollIntoView();
        return;
      }
      P.showProblem(form, answer.body, answer.status === 429 ? 'Too many requests from you this hour; try again later.' : null);
    });
  }

  P.start('staff', function (signedIn) {
    user = signedIn;
    crisisResources(user.hospital);
    loadMine();
    loadOutreach();
    var form = document.getElementById('ask');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send('/requests', form);
    });
  });
}());
