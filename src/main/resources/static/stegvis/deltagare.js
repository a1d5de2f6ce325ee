// Stegvis: "Mina deltagare" and the search for a person (deltagare.html). Plain ES module, no build
// step. Data: /api/caseload (the user's caseload) or /api/cases?q= (a search), with the Camunda
// webapp session. Everything from the server goes into the page as text.
import { ApiError, call, caseUrl, currentUser, dueClass, dueInWords, el, failureMessage, showPageMessage } from './stegvis.js';

const API = new URL('../api/', import.meta.url);
const collator = new Intl.Collator('sv');
const $ = selector => document.querySelector(selector);

const state = { rows: [], view: 'COACH', searching: false, sort: { key: null, ascending: true } };

const failure = (error, what) => failureMessage(error, what,
  { page: 'Mina deltagare', words: { 403: 'Du har inte behörighet att se deltagare.' } });

let request = null;

async function load() {
  if (request) {
    request.abort();
  }
  const mine = new AbortController();
  request = mine;
  const filters = $('#filters');
  const q = filters.elements.q.value.trim();
  const status = filters.elements.status.value;
  const params = new URLSearchParams({ status });
  if (q) {
    params.set('q', q);
  }
  history.replaceState(null, '', `?${params}`);
  $('#cases').setAttribute('aria-busy', 'true');
  showPageMessage(null);
  try {
    if (q) {
      state.rows = await call(new URL(`cases?${params}`, API), { signal: mine.signal }) || [];
      state.searching = true;
    } else {
      const caseload = await call(new URL(`caseload?status=${encodeURIComponent(status)}`, API), { signal: mine.signal });
      state.rows = caseload && Array.isArray(caseload.cases) ? caseload.cases : [];
      state.view = caseload && caseload.view === 'MANAGER' ? 'MANAGER' : 'COACH';
      state.searching = false;
    }
    render();
  } catch (e) {
    if (e.name !== 'AbortError') {
      showPageMessage(e instanceof ApiError && e.status < 500 ? 'warning' : 'danger',
        failure(e, q ? 'Sökningen kunde inte göras' : 'Deltagarna kunde inte hämtas'));
    }
  } finally {
    if (request === mine) {
      request = null;
      $('#cases').removeAttribute('aria-busy');
    }
  }
}

function selected() {
  const due = $('#filters').elements.due.value;
  return state.rows.filter(r => due === 'late' ? r.dueInDays !== null && r.dueInDays < 0
    : due === 'week' ? r.dueInDays !== null && r.dueInDays >= 0 && r.dueInDays <= 7 : true);
}

function compare(a, b) {
  const { key, ascending } = state.sort;
  if (!key) {
    return 0;
  }
  const x = a[key];
  const y = b[key];
  const empty = v => v === null || v === undefined || v === '';
  const order = empty(x) && empty(y) ? 0 : empty(x) ? 1 : empty(y) ? -1
    : typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
  return ascending || empty(x) || empty(y) ? order : -order;
}

function render() {
  const rows = selected().sort(compare);
  const body = $('#cases tbody');
  if (!rows.length) {
    const cell = el('td', 'empty', state.searching ? 'Ingen deltagare matchar sökningen bland de ärenden du får se.'
      : 'Inga deltagare i urvalet.');
    cell.colSpan = 7;
    body.replaceChildren(el('tr', null, cell));
  } else if (state.view === 'MANAGER' && !state.searching && !state.sort.key) {
    const byCoach = new Map();
    for (const r of rows) {
      const coach = r.coachName || 'Ingen coach ännu';
      byCoach.set(coach, [...(byCoach.get(coach) || []), r]);
    }
    const out = [];
    for (const [coach, list] of byCoach) {
      const late = list.filter(r => r.dueInDays !== null && r.dueInDays < 0).length;
      const heading = el('th', 'group', `${coach}: ${list.length} deltagare`
        + (late ? `, ${late} försenade` : ''));
      heading.colSpan = 7;
      heading.scope = 'colgroup';
      out.push(el('tr', 'group-row', heading), ...list.map(row));
    }
    body.replaceChildren(...out);
  } else {
    body.replaceChildren(...rows.map(row));
  }
  const late = rows.filter(r => r.dueInDays !== null && r.dueInDays < 0).length;
  $('#summary').textContent = `${rows.length} deltagare`
    + (late ? `, varav ${late} med försenat steg.` : '.');
  for (const th of document.querySelectorAll('#cases th[data-sort]')) {
    th.setAttribute('aria-sort', th.dataset.sort === state.sort.key
      ? (state.sort.ascending ? 'ascending' : 'descending') : 'none');
  }
}

function row(r) {
  const tr = el('tr', r.status === 'exited' ? 'inactive' : null);
  const name = el('a', 'name', r.name || r.caseNumber);
  name.href = caseUrl(r.caseNumber);
  const next = r.nextStep
    ? el('span', null, el('span', null, r.nextStep),
      el('div', dueClass(r.dueInDays), `${dueInWords(r.dueInDays)} (${r.nextDue})`))
    : el('span', 'muted', r.status === 'exited' ? `Avslutad ${r.exitedOn || ''}`.trim() : 'Inget steg med tidsfrist');
  tr.append(
    el('td', null, name, r.protectedIdentity ? el('div', 'sub', 'Skyddade personuppgifter') : null),
    el('td', 'nowrap case-number', r.caseNumber),
    el('td', null, r.projectName || r.projectCode),
    el('td', null, r.phaseLabel),
    el('td', null, r.coachName || el('span', 'muted', 'Ingen ännu')),
    el('td', null, next),
    el('td', 'number', r.daysInSupport === null || r.daysInSupport === undefined ? el('span', 'muted', 'Ej startad')
      : String(r.daysInSupport)));
  tr.addEventListener('click', e => {
    if (e.target.tagName !== 'A') {
      window.location.href = name.href;
    }
  });
  return tr;
}

async function start() {
  const filters = $('#filters');
  const params = new URLSearchParams(window.location.search);
  filters.elements.q.value = params.get('q') || '';
  if (['open', 'exited', 'all'].includes(params.get('status'))) {
    filters.elements.status.value = params.get('status');
  } else if (params.get('q')) {
    filters.elements.status.value = 'all';
  }
  filters.addEventListener('submit', e => {
    e.preventDefault();
    load();
  });
  filters.elements.status.addEventListener('change', load);
  filters.elements.due.addEventListener('change', render);
  for (const th of document.querySelectorAll('#cases th[data-sort]')) {
    th.querySelector('button').addEventListener('click', () => {
      state.sort = { key: th.dataset.sort, ascending: state.sort.key === th.dataset.sort ? !state.sort.ascending : true };
      render();
    });
  }
  currentUser().then(me => {
    if (me) {
      $('#current-user').textContent = `Inloggad som ${me.name}`;
    }
  }).catch(() => {});
  $('#caseload').hidden = false;
  await load();
}

start().catch(e => showPageMessage('danger', failure(e, 'Sidan kunde inte startas')));
