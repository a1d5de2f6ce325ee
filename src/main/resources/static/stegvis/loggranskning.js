// Stegvis: the log review page for managers (their projects) and administrators (all). Plain ES
// module, no build step. Data: /api/audit on the same origin with the Camunda webapp session.
// Everything from the server is put into the page as text, never as HTML.
import { apiUrl, call, currentUser, el, errorMessages } from './stegvis.js';

const ACTIONS = { READ: 'Läsning', CHANGE: 'Ändring' };
const time = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });
const day = date => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(date);

// Why a membership period started or ended (MembershipHistory.Cause).
const CAUSES = {
  HISTORY_BEGINS: 'medlem när historiken började',
  ADDED: 'tillagd',
  REMOVED: 'borttagen',
  USER_DELETED: 'användaren borttagen',
  GROUP_DELETED: 'gruppen borttagen',
  GROUP_TYPE: 'gruppens typ ändrad'
};
const TODAY_NOTE = 'Bedömd efter dagens medlemskap: läsningen är äldre än medlemskapshistoriken.';

const form = document.getElementById('filters');
const memberships = document.getElementById('memberships');
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
  // An entry older than both the recorded relation and the membership history is judged by today's memberships.
  const what = entry.judgedBy === 'TODAY'
    ? el('td', null, entry.resource, el('br'), el('small', 'judged-today', TODAY_NOTE))
    : el('td', null, entry.resource);
  return el('tr', null,
    el('td', null, time.format(new Date(entry.occurredAt))),
    el('td', null, entry.userId),
    el('td', null, entry.caseNumber),
    el('td', null, ACTIONS[entry.action] || entry.action),
    what,
    el('td', null, entry.client),
    el('td', null, entry.clientAddress || '–'));
}

function period(p) {
  const by = [`${CAUSES[p.startCause] || p.startCause} (${p.startedBy})`];
  if (p.validTo) {
    by.push(`${CAUSES[p.endCause] || p.endCause} (${p.endedBy})`);
  }
  return el('tr', null,
    el('td', null, p.groupId),
    el('td', null, p.groupType === 'TEAM' ? 'Team' : p.groupType || '–'),
    el('td', null, p.startCause === 'HISTORY_BEGINS' ? `${time.format(new Date(p.validFrom))} eller tidigare`
      : time.format(new Date(p.validFrom))),
    el('td', null, p.validTo ? time.format(new Date(p.validTo)) : 'pågår'),
    el('td', null, by.join(', ')));
}

// The user's groups and teams over time: what the review judges her older reads by.
async function loadMemberships(userId) {
  try {
    const history = await call(apiUrl(`/api/audit/users/${encodeURIComponent(userId)}/memberships`));
    document.getElementById('membership-periods').tBodies[0].replaceChildren(...history.periods.map(period));
    document.getElementById('memberships-note').textContent = history.periods.length
      ? `Historiken började ${time.format(new Date(history.historyBegan))}; medlemskap från före dess visas från den tiden.`
      : 'Inga medlemskap i historiken för användaren.';
    memberships.hidden = false;
  } catch (e) {
    memberships.hidden = true;
  }
}

async function load() {
  memberships.hidden = true;
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
    if (form.view.value === 'user') {
      loadMemberships(form.subject.value.trim());
    }
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
