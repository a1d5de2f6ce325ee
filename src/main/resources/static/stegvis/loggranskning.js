// Stegvis: the log review page for managers (their projects) and administrators (all). Plain ES
// module, no build step. Data: /api/audit on the same origin with the Camunda webapp session.
// Everything from the server is put into the page as text, never as HTML.
import { apiUrl, call, currentUser, el, errorMessages } from './stegvis.js';

const ACTIONS = { READ: 'Läsning', CHANGE: 'Ändring' };
const time = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });
const day = date => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(date);

const form = document.getElementById('filters');
const message = document.getElementById('page-message');
const table = document.getElementById('entries');

function show(kind, text) {
  message.className = `message message-${kind}`;
  message.textContent = text;
  message.hidden = false;
}

const WORDS = {
  401: 'Du är inte inloggad. Logga in i Cockpit eller Tasklist först.',
  403: 'Loggranskning är till för projektledare (chefer) och administratörer.'
};

function url() {
  const view = form.view.value;
  const period = `from=${form.from.value}&to=${form.to.value}`;
  const subject = encodeURIComponent(form.subject.value.trim());
  switch (view) {
    case 'user': return apiUrl(`/api/audit/users/${subject}?${period}`);
    case 'case': return apiUrl(`/api/audit/cases/${subject}`);
    default: return apiUrl(`/api/audit/${view}?${period}`);
  }
}

function row(entry) {
  return el('tr', null,
    el('td', null, time.format(new Date(entry.occurredAt))),
    el('td', null, entry.userId),
    el('td', null, entry.caseNumber),
    el('td', null, ACTIONS[entry.action] || entry.action),
    el('td', null, entry.resource),
    el('td', null, entry.client),
    el('td', null, entry.clientAddress || '–'));
}

async function load() {
  const needsSubject = form.view.value === 'user' || form.view.value === 'case';
  if (needsSubject && !form.subject.value.trim()) {
    show('warning', form.view.value === 'user' ? 'Ange användarens id.' : 'Ange ärendenumret.');
    return;
  }
  show('muted', 'Hämtar loggen …');
  table.hidden = true;
  try {
    const entries = await call(url());
    table.tBodies[0].replaceChildren(...entries.map(row));
    table.hidden = entries.length === 0;
    show(entries.length ? 'info' : 'muted', entries.length ? `${entries.length} poster.` : 'Inga poster i urvalet.');
  } catch (e) {
    show('danger', `Loggen kunde inte hämtas: ${errorMessages(e, WORDS).join(' ')}`);
  }
}

function subjectField() {
  const view = form.view.value;
  document.getElementById('subject-field').hidden = view !== 'user' && view !== 'case';
  document.getElementById('subject-label').textContent = view === 'case' ? 'Ärendenummer' : 'Användare';
}

const now = new Date();
form.to.value = day(now);
form.from.value = day(new Date(now.getFullYear(), now.getMonth() - 1, now.getDate()));
form.view.addEventListener('change', subjectField);
form.addEventListener('submit', event => {
  event.preventDefault();
  load();
});
currentUser().then(user => {
  document.getElementById('current-user').textContent = user ? user.name : '';
}).catch(() => {});
load();
