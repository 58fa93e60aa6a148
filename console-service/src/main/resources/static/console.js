'use strict';

// Renders the health of every part; text only, so nothing a server returns is ever interpreted as markup.
async function refresh() {
  const body = document.querySelector('#health tbody');
  try {
    const response = await fetch('/api/system/health', { headers: { Accept: 'application/json' } });
    const parts = await response.json();
    body.replaceChildren(...parts.map(row));
    document.getElementById('updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    body.replaceChildren(row({ name: 'console', status: 'UNREACHABLE' }));
  }
}

function row(part) {
  const tr = document.createElement('tr');
  tr.dataset.part = part.name;
  const name = document.createElement('td');
  name.textContent = part.name;
  const status = document.createElement('td');
  status.textContent = part.status;
  status.className = 'status-' + part.status;
  tr.append(name, status);
  return tr;
}

// Which pages a role works in; a person with several roles sees each of their pages. Only offered here: every
// service decides for itself what a token may do.
const PAGES = [
  { role: 'staff', href: '/staff.html', text: 'Ask for peer support' },
  { role: 'supporter', href: '/supporter.html', text: 'Your offers and the colleagues you support' },
  { role: 'coordinator', href: '/coordinator.html', text: "Coordinate your hospital's requests" },
  { role: 'admin', href: '/dashboard.html', text: 'Network dashboard' }
];

function pagesFor(user) {
  return PAGES.filter(page => user.roles.includes(page.role));
}

async function showAccount() {
  const who = document.getElementById('who');
  const signIn = document.getElementById('sign-in');
  const signOut = document.getElementById('sign-out');
  const nav = document.getElementById('your-pages');
  let user = null;
  try {
    user = await PeerSession.ready();
  } catch (e) {
    user = null;
  }
  if (!user) {
    who.textContent = 'Sign in to see the pages for your role.';
    nav.hidden = true;
    signIn.hidden = false;
    signOut.hidden = true;
    return;
  }
  const pages = pagesFor(user);
  who.textContent = 'Signed in as ' + (user.name || user.subject)
    + (user.hospital ? ' (' + user.hospital + ')' : ' (network)') + '.'
    + (pages.length ? '' : ' No console page is meant for your role.');
  document.getElementById('page-links').replaceChildren(...pages.map(page => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = page.href;
    a.textContent = page.text;
    a.dataset.role = page.role;
    li.append(a);
    return li;
  }));
  nav.hidden = pages.length === 0;
  signIn.hidden = true;
  signOut.hidden = false;
}

document.getElementById('sign-in').addEventListener('click', () => {
  PeerSession.signIn('/index.html').catch(() => {
    document.getElementById('who').textContent = 'Signing in is not available right now.';
  });
});
document.getElementById('sign-out').addEventListener('click', () => {
  PeerSession.signOut();
  showAccount();
  document.getElementById('sign-in').focus();
});

showAccount();
refresh();
setInterval(refresh, 5000);
