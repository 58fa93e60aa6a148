'use strict';

// The network admin's dashboard: the figures come as server-sent events from /api/network/dashboard/stream, read
// with fetch so the token travels in the Authorization header (EventSource cannot send one). The token is the
// session.js one (signing in through the issuer). Everything the server sends is put on the page as text, never as
// markup.

const SOURCES = [['self', 'Self'], ['onBehalf', 'On behalf'], ['referral', 'Referral'], ['trigger', 'Trigger']];
// Okabe–Ito colours: told apart with the common colour-vision deficiencies.
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
const charts = {};
let stream = null;

let signedIn = false;

function status(text) { document.getElementById('status').textContent = text; }

// A token handed over in the address's fragment (never sent to a server: `./peer token network-admin`, and the tests)
// becomes this tab's session through session.js's documented seam, and leaves the address at once.
function adoptFragmentToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem('peersupport.session', JSON.stringify({ accessToken: decodeURIComponent(match[1]) }));
    history.replaceState(null, '', location.pathname + location.search);
  }
}

function refused(code) {
  return code === 403 ? 'Only the network admin sees these figures.'
    : 'The figures could not be loaded (' + code + ').';
}

function range() {
  const params = new URLSearchParams();
  const from = document.getElementById('from').value;
  const to = document.getElementById('to').value;
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return params.toString();
}

// The figures at once by a plain request, then live: a proxy that holds streams back still shows the figures.
async function load() {
  try {
    const response = await PeerSession.call('console', '/api/network/dashboard?' + range());
    if (!response.ok) {
      status(refused(response.status));
      return;
    }
    render(await response.json());
    if (document.getElementById('live').checked) listen();
  } catch (e) {
    status('The console cannot be reached.');
  }
}

async function listen() {
  if (stream) stream.abort();
  const controller = new AbortController();
  stream = controller;
  status('Connecting…');
  try {
    const response = await PeerSession.call('console', '/api/network/dashboard/stream?' + range(), {
      headers: { Accept: 'text/event-stream' }, signal: controller.signal });
    if (!response.ok) {
      status(refused(response.status));
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5)).join('\n');
        if (data) render(JSON.parse(data));
      }
    }
  } catch (e) {
    if (controller.signal.aborted) return;
  }
  // The server ends a stream after a while: open the next one, unless live updates were switched off.
  if (stream === controller && document.getElementById('live').checked) setTimeout(listen, 3000);
}

function shown(value) { return value === undefined || value === null ? '' : String(value); }
function number(value) { return typeof value === 'number' ? value : null; }

function cell(tag, text, numeric) {
  const element = document.createElement(tag);
  element.textContent = shown(text);
  if (numeric) element.className = 'num';
  return element;
}

function table(caption, headers, rows) {
  const t = document.createElement('table');
  const c = document.createElement('caption');
  c.textContent = caption;
  const head = document.createElement('thead');
  const tr = document.createElement('tr');
  headers.forEach((h, i) => { const th = cell('th', h, i > 1); th.scope = 'col'; tr.append(th); });
  head.append(tr);
  const body = document.createElement('tbody');
  rows.forEach(row => {
    const r = document.createElement('tr');
    row.forEach((value, i) => {
      const td = i === 0 ? cell('th', value) : cell('td', value, i > 1);
      if (i === 0) td.scope = 'row';
      if (value && value.available === false) {
        td.textContent = 'not yet available';
        td.className = 'pending';
      }
      r.append(td);
    });
    body.append(r);
  });
  t.append(c, head, body);
  return t;
}

function rowsOf(hospital) { return hospital.months.concat([hospital.total]); }

function draw(id, config) {
  if (charts[id]) charts[id].destroy();
  if (typeof Chart === 'undefined') return;
  config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
  charts[id] = new Chart(document.getElementById(id), config);
}

function render(view) {
  const hospitals = view.hospitals;
  status('Figures as of ' + new Date(view.asOf).toLocaleTimeString() + ', months ' + view.from + ' to ' + view.to
    + (document.getElementById('live').checked ? ', kept up to date.' : '.'));

  const labels = [];
  hospitals.forEach(h => h.months.forEach(m => labels.push(h.hospitalId + ' ' + m.month)));
  draw('requests-chart', {
    type: 'bar',
    data: { labels, datasets: SOURCES.map(([key, name], i) => ({ label: name, backgroundColor: COLOURS[i],
      data: hospitals.flatMap(h => h.months.map(m => number(m.requests[key]))) })) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } } });
  document.getElementById('requests-table').replaceChildren(table('Requests (hidden counts are not drawn)',
    ['Hospital', 'Month'].concat(SOURCES.map(s => s[1]), ['Total']),
    hospitals.flatMap(h => rowsOf(h).map(m => [h.hospitalId, m.month].concat(SOURCES.map(s => m.requests[s[0]]),
      [m.requests.total])))));

  const names = hospitals.map(h => h.hospitalId);
  draw('assignment-chart', {
    type: 'bar',
    data: { labels: names, datasets: [
      { label: 'p50 minutes', backgroundColor: COLOURS[0], data: hospitals.map(h => number(h.total.assignment.p50Minutes)) },
      { label: 'p90 minutes', backgroundColor: COLOURS[1], data: hospitals.map(h => number(h.total.assignment.p90Minutes)) },
      { label: 'SLA minutes', type: 'line', borderColor: COLOURS[5], backgroundColor: COLOURS[5], showLine: false,
        pointStyle: 'line', pointRadius: 18, borderWidth: 3, data: hospitals.map(h => h.assignmentSlaMinutes) }] },
    options: { scales: { y: { beginAtZero: true } } } });
  document.getElementById('assignment-table').replaceChildren(table('Time to assignment and SLA compliance',
    ['Hospital', 'Month', 'Assigned', 'Within SLA', 'Beyond SLA', 'Compliance', 'p50 min', 'p90 min', 'SLA min'],
    hospitals.flatMap(h => rowsOf(h).map(m => [h.hospitalId, m.month, m.assignment.assigned, m.assignment.withinSla,
      m.assignment.beyondSla, m.assignment.slaCompliance, m.assignment.p50Minutes, m.assignment.p90Minutes,
      h.assignmentSlaMinutes]))));
  document.getElementById('contact-table').replaceChildren(table('Time from assignment to first contact, and its clock',
    ['Hospital', 'Month', 'Decided', 'Within', 'Beyond', 'Compliance', 'p50 min', 'p90 min'],
    hospitals.flatMap(h => rowsOf(h).map(m => [h.hospitalId, m.month, m.firstContact.decided,
      m.firstContact.withinSla, m.firstContact.beyondSla, m.firstContact.slaCompliance, m.firstContact.p50Minutes,
      m.firstContact.p90Minutes]))));

  draw('pool-chart', {
    type: 'bar',
    data: { labels: names, datasets: [
      { label: 'Current', backgroundColor: COLOURS[2], data: hospitals.map(h => number(h.pool.current)) },
      { label: 'Lapsed', backgroundColor: COLOURS[3], data: hospitals.map(h => number(h.pool.lapsed)) },
      { label: 'Ended, lapse to come', backgroundColor: COLOURS[4], data: hospitals.map(h => number(h.pool.ended)) }] },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } } });
  document.getElementById('pool-table').replaceChildren(table('Supporter pool now',
    ['Hospital', 'Current', 'Lapsed', 'Ended', 'Total'],
    hospitals.map(h => [h.hospitalId, h.pool.current, h.pool.lapsed, h.pool.ended, h.pool.total])));

  document.getElementById('activity-table').replaceChildren(table('Escalations, withdrawals and check-ins',
    ['Hospital', 'Month', 'Escalated', 'Withdrawn', 'Check-ins due', 'Completed', 'Other outcome', 'Missed',
      'Completion', 'Closed', 'Referred', 'Referral rate', 'Waitlist promotions', 'Workshop seats', 'Seats taken',
      'Workshop fill'],
    hospitals.flatMap(h => rowsOf(h).map(m => [h.hospitalId, m.month, m.escalated, m.withdrawn, m.checkInsDue,
      m.checkIns.completed, m.checkIns.otherOutcome, m.checkIns.missed, m.checkIns.completion, m.referrals.closed,
      m.referrals.referred, m.referrals.rate, m.waitlistPromotions, m.workshopFill.seats, m.workshopFill.seatsTaken,
      m.workshopFill.fill]))));
  document.getElementById('pulse-table').replaceChildren(table('Closing pulse (averages of 1 to 5, over 5 or more answers)',
    ['Hospital', 'Month', 'Answers', 'Would recommend', 'Share', 'Helpfulness', 'Distress', 'Colleague support',
      'Institutional support', 'Self-efficacy', 'Turnover intention'],
    hospitals.flatMap(h => rowsOf(h).map(m => [h.hospitalId, m.month, m.feedbackPulse.answers,
      m.feedbackPulse.wouldRecommend, m.feedbackPulse.recommendShare].concat(['helpfulness', 'distress',
      'colleagueSupport', 'institutionalSupport', 'selfEfficacy', 'turnoverIntention']
      .map(score => m.feedbackPulse.averages[score]))))));

  // The tables just drawn may have changed the page's width: fit each chart to its box now, not on the next resize.
  Object.values(charts).forEach(chart => chart.resize());

  // Shown only while some figure waits for events the network does not publish yet.
  document.getElementById('pending').closest('section').hidden = Object.keys(view.notYetAvailable).length === 0;
  document.getElementById('pending').replaceChildren(...Object.entries(view.notYetAvailable).map(([figure, events]) => {
    const li = document.createElement('li');
    li.textContent = figure + ': waits for ' + events.join(', ');
    return li;
  }));
}

async function downloadCsv() {
  const response = await PeerSession.call('console', '/api/network/dashboard.csv?' + range(), {
    headers: { Accept: 'text/csv' } });
  if (!response.ok) { status('The CSV could not be made (' + response.status + ').'); return; }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = 'network-dashboard.csv';
  document.body.append(link);
  link.click();
  link.remove();
}

document.getElementById('access').addEventListener('submit', event => {
  event.preventDefault();
  if (!signedIn) {
    PeerSession.signIn(location.pathname + location.search);
    return;
  }
  load();
  document.getElementById('figures').focus();
});
document.getElementById('sign-in').addEventListener('click', () => PeerSession.signIn(location.pathname + location.search));
document.getElementById('csv').addEventListener('click', downloadCsv);
// Moving figures can be stopped (WCAG 2.2.2); ?live=off opens the page that way.
document.getElementById('live').addEventListener('change', event => {
  if (event.target.checked) {
    if (signedIn) listen();
  } else if (stream) {
    stream.abort();
    stream = null;
    status('Live updates stopped.');
  }
});

const asked = new URLSearchParams(location.search);
if (asked.get('live') === 'off') document.getElementById('live').checked = false;
['from', 'to'].forEach(key => { if (/^\d{4}-\d{2}$/.test(asked.get(key) || '')) document.getElementById(key).value = asked.get(key); });
adoptFragmentToken();
PeerSession.ready().then(user => {
  const who = document.getElementById('who');
  signedIn = user !== null;
  document.getElementById('sign-in').hidden = signedIn;
  if (!user) {
    who.textContent = 'Sign in as the network admin to see the figures.';
    return;
  }
  who.textContent = 'Signed in as ' + (user.name || user.subject) + '.';
  if (!user.roles.includes('admin')) {
    status('Only the network admin sees these figures.');
    return;
  }
  load();
}).catch(() => { document.getElementById('who').textContent = 'Signing in is not available right now.'; });
