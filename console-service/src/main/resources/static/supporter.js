/* The supporter's page: offers (accept/decline), cases (contact after accepting, first contact, check-ins,
   referrals, closure), availability and trainings. */
(function () {
  'use strict';
  var P = Pages;
  var user;
  var directory = [];

  function problem(answer, fallback) {
    var p = document.getElementById('problem');
    p.textContent = (answer && answer.body && (answer.body.detail || answer.body.title)) || fallback;
    p.focus();
  }

  function clearProblem() { document.getElementById('problem').textContent = ''; }

  function loadOffers() {
    return P.call('matching', '/api/offers').then(function (answer) {
      P.list(document.getElementById('offers'), answer.ok ? answer.body : [], function (offer) {
        var c = P.clock(offer.expiresAt);
        return P.el('li', {'data-offer': offer.requestId, class: offer.urgent ? 'urgent' : null}, [
          P.el('h3', {text: (offer.urgent ? 'Urgent: ' : '') + 'a ' + P.words(offer.requesterRole) + ' asks for support'}),
          P.facts([['How', P.words(offer.preferredModality)], ['Language', offer.language],
            ['Answer by', P.when(offer.expiresAt) + ' (' + c.text + ')']]),
          P.el('div', {class: 'actions'}, [
            P.el('button', {type: 'button', 'data-accept': offer.requestId, text: 'Accept',
              onclick: function () { answerOffer(offer.requestId, 'accept'); }}),
            P.el('button', {type: 'button', class: 'secondary', 'data-decline': offer.requestId, text: 'Decline',
              onclick: function () { answerOffer(offer.requestId, 'decline'); }})])]);
      }, 'No offers are waiting for you.');
    });
  }

  function answerOffer(requestId, how) {
    clearProblem();
    P.call('matching', '/api/offers/' + encodeURIComponent(requestId) + '/' + how, {method: 'POST'}).then(function (answer) {
      if (!answer.ok) { problem(answer, 'The offer could not be answered.'); loadOffers(); return; }
      P.announce(how === 'accept' ? 'You took the request. It appears under My cases as soon as its case opens.' : 'You declined; it goes to the next supporter.');
      loadOffers();
      if (how === 'accept') waitForCase(requestId, 20);
    });
  }

  /** The case opens from the assignment event a moment after the acceptance: look again a few times. */
  function waitForCase(requestId, tries) {
    loadCases().then(function (cases) {
      var found = (cases || []).some(function (c) { return c.caseId === requestId; });
      if (!found && tries > 0) setTimeout(function () { waitForCase(requestId, tries - 1); }, 1000);
    });
  }

  function caseUrl(c, tail) {
    return '/api/hospitals/' + encodeURIComponent(user.hospital) + '/cases/' + encodeURIComponent(c.caseId) + (tail || '');
  }

  function act(c, tail, body, said) {
    clearProblem();
    return P.call('followup', caseUrl(c, tail), {method: 'POST', body: body}).then(function (answer) {
      if (!answer.ok) { problem(answer, 'That could not be recorded.'); return; }
      if (answer.body && answer.body.feedbackToken) {
        P.announce(said + ' Hand the person this feedback link: ' + location.origin + '/feedback.html#' + answer.body.feedbackToken);
      } else {
        P.announce(said);
      }
      loadCases();
    });
  }

  function readContact(c, target, button) {
    P.call('intake', '/api/hospitals/' + encodeURIComponent(user.hospital) + '/requests/' + encodeURIComponent(c.caseId)
      + '/contact').then(function (answer) {
      if (!answer.ok) { problem(answer, 'The contact details are not available.'); return; }
      target.textContent = '';
      target.appendChild(P.facts([['Name', answer.body.name], ['Phone', answer.body.phone], ['Email', answer.body.email],
        ['Prefers', P.words(answer.body.contactMethod)], ['Best time', P.words(answer.body.contactWindow)]]));
      button.remove();
      target.setAttribute('tabindex', '-1');
      target.focus();
    });
  }

  function checkIns(c) {
    var items = [];
    (c.checkIns || []).forEach(function (checkIn) {
      var id = 'outcome-' + c.caseId + '-' + checkIn.number;
      var recorded = checkIn.outcome ? 'recorded: ' + P.words(checkIn.outcome) : (checkIn.missed ? 'missed' : 'open');
      var row = P.el('li', {'data-check-in': String(checkIn.number)}, [
        P.el('span', {text: 'Check-in ' + checkIn.number + ', due ' + P.when(checkIn.dueAt) + ' — ' + recorded})]);
      if (!checkIn.outcome && Date.parse(checkIn.dueAt) <= Date.now()) {
        var select = P.el('select', {id: id}, ['COMPLETED', 'NO_ANSWER', 'DECLINED', 'NEEDS_REFERRAL'].map(function (o) {
          return P.el('option', {value: o, text: P.words(o)});
        }));
        row.appendChild(P.el('div', {class: 'actions'}, [P.el('label', {for: id, text: 'Outcome'}), select,
          P.el('button', {type: 'button', text: 'Record check-in ' + checkIn.number, onclick: function () {
            act(c, '/check-ins/' + checkIn.number, {outcome: select.value}, 'Check-in ' + checkIn.number + ' recorded.');
          }})]));
      }
      items.push(row);
    });
    return items.length ? P.el('ul', {}, items) : P.el('p', {class: 'empty', text: 'No check-in is due yet.'});
  }

  function renderCase(c) {
    var contact = P.el('div', {class: 'contact'});
    var contactButton = P.el('button', {type: 'button', class: 'secondary', 'data-contact': c.caseId,
      text: 'Show how to reach them (recorded in the audit)'});
    contactButton.addEventListener('click', function () { readContact(c, contact, contactButton); });
    var due = c.firstContactAt ? null : P.clock(c.firstContactDueAt);
    var referralId = 'referral-' + c.caseId;
    var referral = P.el('select', {id: referralId}, directory.map(function (d) {
      return P.el('option', {value: d.category, text: d.name || P.words(d.category)});
    }));
    return P.el('li', {'data-case': c.caseId, class: c.slaBreached ? 'breached' : null}, [
      P.el('h3', {text: 'Case opened ' + P.when(c.openedAt)}),
      P.facts([['First contact', c.firstContactAt ? 'made ' + P.when(c.firstContactAt) : P.when(c.firstContactDueAt)],
        ['Clock', due ? due.text : null], ['Past its deadline', c.slaBreached ? 'yes, your coordinator was told' : null],
        ['Referred to', (c.referrals || []).map(P.words).join(', ')]]),
      contactButton, contact,
      c.firstContactAt ? null : P.el('div', {class: 'actions'}, [P.el('button', {type: 'button', 'data-first-contact': c.caseId,
        text: 'I reached them: record the first contact', onclick: function () { act(c, '/first-contact', undefined, 'First contact recorded.'); }})]),
      P.el('h4', {text: 'Check-ins'}), checkIns(c),
      directory.length ? P.el('div', {class: 'actions'}, [P.el('label', {for: referralId, text: 'Refer on to'}), referral,
        P.el('button', {type: 'button', class: 'secondary', text: 'Record the referral', onclick: function () {
          act(c, '/referrals', {category: referral.value}, 'Referral recorded.');
        }})]) : null,
      P.el('div', {class: 'actions'}, [P.el('button', {type: 'button', class: 'secondary', text: 'Close the case',
        onclick: function () { act(c, '/closure', undefined, 'The case is closed.'); }})])]);
  }

  function loadCases() {
    return P.call('followup', '/api/cases').then(function (answer) {
      var cases = answer.ok ? answer.body : [];
      P.list(document.getElementById('cases'), cases, renderCase, 'You have no open case.');
      return cases;
    });
  }

  function loadDirectory() {
    return P.call('followup', '/api/hospitals/' + encodeURIComponent(user.hospital) + '/referral-directory')
      .then(function (answer) { directory = answer.ok && Array.isArray(answer.body) ? answer.body : []; });
  }

  function loadTrainings() {
    P.call('training', '/api/calendar').then(function (answer) {
      P.list(document.getElementById('trainings'), answer.ok ? answer.body : [], function (s) {
        var standing = s.yourStanding ? (s.yourStanding === 'SEATED' ? 'You have a seat.' : 'You are on the waitlist.') : null;
        return P.el('li', {'data-session': s.sessionId}, [P.el('h3', {text: s.title || P.words(s.course)}),
          P.facts([['When', P.when(s.startsAt)], ['Where', s.location], ['Seats left', s.seatsLeft], ['Your place', standing]]),
          s.yourStanding ? null : P.el('button', {type: 'button', class: 'secondary', text: 'Register', onclick: function () {
            P.call('training', '/api/sessions/' + encodeURIComponent(s.sessionId) + '/registration', {method: 'POST'})
              .then(function (r) { if (!r.ok) problem(r, 'No place could be taken.'); else P.announce('Registered: ' + P.words(r.body.standing) + '.'); loadTrainings(); });
          }})]);
      }, 'No upcoming training sessions.');
    });
  }

  function availability() {
    var form = document.getElementById('availability');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = P.formBody(form);
      var rest = document.getElementById('restUntil').value;
      if (rest) body.restUntil = new Date(rest).toISOString();
      else delete body.restUntil;
      P.call('matching', '/api/availability', {method: 'PUT', body: body}).then(function (answer) {
        if (answer.ok) { P.clearErrors(form); P.announce(answer.body.available ? 'You are available for offers.' : 'You will get no offers for now.'); }
        else P.showProblem(form, answer.body);
      });
    });
  }

  P.start('supporter', function (signedIn) {
    user = signedIn;
    loadOffers();
    loadDirectory().then(loadCases);
    availability();
    loadTrainings();
  });
}());
