/* The coordinator's page: crisis flags and escalations first, the queue with clocks, candidates explained and a
   by-hand assignment, open cases with their SLA clocks, roster and nominations, sessions and waitlists. */
(function () {
  'use strict';
  var P = Pages;
  var user;

  function h(path) { return '/api/hospitals/' + encodeURIComponent(user.hospital) + path; }

  function problem(answer, fallback) {
    var p = document.getElementById('problem');
    p.textContent = (answer && answer.body && (answer.body.detail || answer.body.title)) || fallback;
    p.focus();
  }

  function clearProblem() { document.getElementById('problem').textContent = ''; }

  function loadFlags() {
    P.call('intake', h('/crisis-flags')).then(function (answer) {
      P.list(document.getElementById('flags'), answer.ok ? answer.body : [], function (f) {
        return P.el('li', {class: 'urgent', 'data-flag': f.flagId}, [P.el('h3', {text: 'Call back: raised ' + P.when(f.raisedAt)}),
          P.facts([['Name', f.name], ['Phone', f.phone], ['Email', f.email], ['Role', P.words(f.requesterRole)],
            ['Unit', f.unit], ['Best time', P.words(f.contactWindow)]])]);
      }, 'No crisis call-backs.');
    });
  }

  function loadQueue() {
    return P.call('matching', h('/queue')).then(function (answer) {
      var queue = (answer.ok ? answer.body : []).slice().sort(function (a, b) {
        return (b.escalated === true) - (a.escalated === true);
      });
      P.list(document.getElementById('queue'), queue, function (r) {
        var c = r.offeredUntil ? P.clock(r.offeredUntil) : null;
        return P.el('li', {'data-request': r.requestId, class: r.escalated ? 'escalated' : null}, [
          P.el('h3', {text: (r.escalated ? 'Escalated: ' : '') + 'request ' + r.requestId.slice(0, 8)}),
          P.facts([['Status', P.words(r.status)], ['Offered to', r.supporterId],
            ['Offer open', c ? c.text.replace('due in', 'for') : null], ['Offers that failed', r.failedOffers]]),
          P.el('button', {type: 'button', class: 'secondary', 'data-explain': r.requestId, text: 'Explain candidates',
            onclick: function () { explain(r.requestId); }})]);
      }, 'Every request has a supporter.');
      return queue;
    });
  }

  function rules(list) { return (list || []).map(P.words).join(', '); }

  function explain(requestId) {
    clearProblem();
    P.call('matching', h('/requests/' + encodeURIComponent(requestId) + '/candidates')).then(function (answer) {
      var box = document.getElementById('candidates');
      box.textContent = '';
      if (!answer.ok) { problem(answer, 'The candidates could not be read.'); return; }
      var table = P.el('table', {}, [P.el('caption', {text: 'Candidates for request ' + requestId.slice(0, 8)
        + ', in the order they would be offered'}),
        P.el('thead', {}, [P.el('tr', {}, ['Supporter', 'Eligible', 'Score', 'Rules failed', 'Cases', 'Assign'].map(function (t) {
          return P.el('th', {scope: 'col', text: t});
        }))])]);
      var body = P.el('tbody');
      answer.body.candidates.forEach(function (c) {
        body.appendChild(P.el('tr', {'data-candidate': c.supporterId}, [
          P.el('th', {scope: 'row', text: c.supporterId}),
          P.el('td', {text: c.eligible ? 'yes' : 'no'}),
          P.el('td', {class: 'num', text: c.score + ' (role ' + c.roleScore + ', how ' + c.modalityScore + ', continuity ' + c.continuityScore + ')'}),
          P.el('td', {text: rules(c.failed) || 'none'}),
          P.el('td', {class: 'num', text: c.activeCases + ' active, ' + c.openOffers + ' offered'}),
          P.el('td', {}, [P.el('button', {type: 'button', 'data-assign': c.supporterId, 'aria-label': 'Assign ' + c.supporterId,
            text: 'Assign', onclick: function () { assign(requestId, c.supporterId); }})])]));
      });
      table.appendChild(body);
      box.appendChild(P.el('h3', {text: 'Candidates explained'}));
      box.appendChild(P.el('div', {class: 'scroll'}, [table]));
      box.focus();
    });
  }

  function assign(requestId, supporterId) {
    clearProblem();
    P.call('matching', h('/requests/' + encodeURIComponent(requestId) + '/assignment'),
      {method: 'POST', body: {supporterId: supporterId}}).then(function (answer) {
      if (!answer.ok) { problem(answer, 'The assignment was refused.'); return; }
      P.announce('Request ' + requestId.slice(0, 8) + ' assigned to ' + supporterId + '.');
      document.getElementById('candidates').textContent = '';
      loadQueue();
      setTimeout(loadCases, 1500);
    });
  }

  function loadCases() {
    P.call('followup', h('/cases')).then(function (answer) {
      var cases = (answer.ok ? answer.body : []).slice().sort(function (a, b) {
        var late = function (c) { return (c.slaBreached ? 2 : 0) + ((c.checkIns || []).some(function (i) { return i.missed && !i.outcome; }) ? 1 : 0); };
        return late(b) - late(a);
      });
      P.list(document.getElementById('cases'), cases, function (c) {
        var clock = c.firstContactAt ? null : P.clock(c.firstContactDueAt);
        var missed = (c.checkIns || []).filter(function (i) { return i.missed && !i.outcome; }).length;
        return P.el('li', {'data-case': c.caseId, class: c.slaBreached || missed ? 'breached' : null}, [
          P.el('h3', {text: 'Case ' + c.caseId.slice(0, 8) + ' with ' + c.supporterId}),
          P.facts([['Opened', P.when(c.openedAt)],
            ['First contact', c.firstContactAt ? 'made ' + P.when(c.firstContactAt) : (clock ? clock.text : '')],
            ['SLA', c.slaBreached ? 'breached: reach the supporter, or close the case' : 'kept so far'],
            ['Missed check-ins', missed || null]])]);
      }, 'No open cases.');
    });
  }

  function loadRoster() {
    P.call('training', h('/supporters')).then(function (answer) {
      var roster = (answer.ok ? answer.body : []).slice().sort(function (a, b) {
        return (b.status === 'NOMINATED') - (a.status === 'NOMINATED');
      });
      P.list(document.getElementById('roster'), roster, function (s) {
        return P.el('li', {'data-supporter': s.supporterId}, [P.el('h3', {text: s.displayName || s.supporterId}),
          P.facts([['Status', P.words(s.status)], ['Role', P.words(s.role)], ['Unit', s.unit],
            ['Certified until', P.when(s.certifiedUntil)], ['Capacity', s.capacity]]),
          s.status === 'NOMINATED' ? P.el('button', {type: 'button', text: 'Approve ' + (s.displayName || s.supporterId), onclick: function () {
            P.call('training', h('/supporters/' + encodeURIComponent(s.supporterId) + '/approval'), {method: 'POST'})
              .then(function (r) { if (!r.ok) problem(r, 'The approval was refused.'); else P.announce('Approved.'); loadRoster(); });
          }}) : null]);
      }, 'Nobody is on the roster yet.');
    });
  }

  function loadSessions() {
    P.call('training', '/api/calendar').then(function (answer) {
      var mine = (answer.ok ? answer.body : []).filter(function (s) { return s.hospitalId === user.hospital; });
      P.list(document.getElementById('sessions'), mine, function (s) {
        var li = P.el('li', {'data-session': s.sessionId}, [P.el('h3', {text: s.title || P.words(s.course)}),
          P.facts([['When', P.when(s.startsAt)], ['Where', s.location], ['Open to', P.words(s.audience)],
            ['Seats', (s.seats - s.seatsLeft) + ' of ' + s.seats + ' taken'],
            ['Waitlist', (s.waitlistPlaces - s.waitlistPlacesLeft) + ' of ' + s.waitlistPlaces + ' waiting']])]);
        P.call('training', h('/sessions/' + encodeURIComponent(s.sessionId) + '/registrations')).then(function (r) {
          if (!r.ok) return;
          var who = function (list) { return (list || []).map(function (a) { return a.staffId + ' (' + a.hospitalId + ')'; }).join(', '); };
          li.appendChild(P.facts([['Seated', who(r.body.seated) || 'nobody yet'], ['Waiting, in turn', who(r.body.waitlisted) || 'nobody']]));
        });
        return li;
      }, 'No upcoming sessions of your hospital.');
    });
  }

  function schedule() {
    var form = document.getElementById('schedule');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = P.formBody(form);
      ['startsAt', 'endsAt'].forEach(function (field) {
        if (body[field]) body[field] = new Date(body[field]).toISOString();
      });
      P.call('training', h('/sessions'), {method: 'POST', body: body}).then(function (answer) {
        if (answer.ok) { P.clearErrors(form); P.announce('The session is scheduled.'); loadSessions(); }
        else P.showProblem(form, answer.body);
      });
    });
  }

  P.start('coordinator', function (signedIn) {
    user = signedIn;
    loadFlags();
    loadQueue();
    loadCases();
    loadRoster();
    loadSessions();
    schedule();
  });
}());
