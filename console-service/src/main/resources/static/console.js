'use strict';

// Renders the health of every part; text only, so nothing a server returns is ever interpreted as markup.
async function refresh() {
  const body = document.querySelector('#health tbody');
  try {
    const response = await fetch('/api/system/health', { headers: { Accept: 'application/json' } });
    const parts = await response.json();
    body.replaceChildren(...parts.map(row));
    const links = document.getElementById('links');
    links.querySelectorAll('li.part').forEach((li) => li.remove());
    parts.forEach((part) => {
      const li = document.createElement('li');
      li.className = 'part';
      const a = document.createElement('a');
      a.href = part.url + '/actuator/health';
      a.textContent = part.name + ' health';
      li.append(a);
      links.append(li);
    });
    document.getElementById('updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    body.replaceChildren(row({ name: 'console', status: 'UNREACHABLE', url: '' }));
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
  const url = document.createElement('td');
  url.textContent = part.url;
  tr.append(name, status, url);
  return tr;
}

refresh();
setInterval(refresh, 5000);
