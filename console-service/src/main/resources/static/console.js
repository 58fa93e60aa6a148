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

refresh();
setInterval(refresh, 5000);
