// Stegvis: the printable steering-group report. Reads project and period from its own address,
// draws the report with the module the Cockpit page uses, and prints on request: the button
// "Skriv ut", or at once when the address carries print=1.

import { ApiError, el } from './stegvis.js';
import { loadReport, renderReport, reportQuery } from './report.js';

const params = new URLSearchParams(window.location.search);
const query = { project: params.get('project') || '', from: params.get('from') || '', to: params.get('to') || '' };
const status = document.getElementById('status');
const report = document.getElementById('report');

document.getElementById('print').addEventListener('click', () => window.print());
document.getElementById('back').href += `?${reportQuery(query)}`;

async function show() {
  status.className = 'alert alert-info';
  status.replaceChildren(el('span', null, 'Tar fram rapporten …'));
  try {
    const data = await loadReport(query);
    status.className = '';
    status.replaceChildren();
    document.title = `Rapport ${data.projectName}, ${data.from} – ${data.to}`;
    renderReport(report, data, { query });
    if (params.get('print') === '1') {
      window.print();
    }
  } catch (error) {
    status.className = 'alert alert-danger';
    const lines = error instanceof ApiError
      ? error.messages(s => (s === 401 ? 'Du är inte inloggad. Logga in i Cockpit först.'
        : `Rapporten kunde inte tas fram (fel ${s}).`))
      : ['Kunde inte nå Stegvis. Kontrollera anslutningen och försök igen.'];
    status.replaceChildren(...lines.map(line => el('div', null, line)));
  }
}

if (!query.from || !query.to) {
  status.className = 'alert alert-danger';
  status.replaceChildren(el('span', null, 'Adressen saknar period. Öppna rapporten från Cockpit.'));
} else {
  show();
}
