// Stegvis: "Mina deltagare" and the search for a person (deltagare.html). Plain ES module, no build
// step. Data: /api/caseload (the user's caseload, a page at a time) or /api/cases?q= (a search),
// with the Camunda webapp session; the server filters, sorts and counts (caseload.js says what to
// ask). Everything from the server goes into the page as text.
import { ApiError, call, caseUrl, currentUser, dueClass, dueInWords, el, failureMessage, showPageMessage } from './stegvis.js';
import { coachHeading, listUrl, moreText, pageQuery, summaryText } from './caseload.js';

const API = new URL('../api/', import.meta.url);
const $ = selector => document.querySelector(selector);
const COLUMNS = 7;

const state = { rows: [], total: 0, late: 0, coaches: [], view: 'COACH', searching: false, sort: null, order: 'asc' };

const failure = (error, what) => failureMessage(error, what,
  { page: 'Mina deltagare', words: { 403: 'Du har inte behörighet att se deltagare.' } });

let request = null;

function choices() {
  const filters = $('#filters').elements;
  return { q: filters.q.value.trim(), status: filters.status.value, due: filters.due.value,
    coach: filters.coach.value, sort: state.sort, order: state.order };
}

/** The list from its start (`more`: the next page after the rows shown). */
async function load(more = false) {
  if (request) {
    request.abort();
  }
  const mine = new AbortController();
  request = mine;
  const wanted = choices();
  const before = state.rows.length;
  history.replaceState(null, '', pageQuery(wanted));
  $('#cases').setAttribute('aria-busy', 'true');
  showPageMessage(null);
  try {
    const answer = await call(listUrl(API, wanted, more ? state.rows.length : 0), { signal: mine.signal });
    if (wanted.q) {
      const hits = Array.isArray(answer) ? answer : [];
      Object.assign(state, { rows: hits, total: hits.length, searching: true,
        late: hits.filter(r => r.dueInDays !== null && r.dueInDays < 0).length });
    } else {
      const page = answer && Array.isArray(answer.cases) ? answer.cases : [];
      Object.assign(state, { rows: more ? [...state.rows, ...page] : page, total: answer.total, late: answer.late,
        coaches: answer.coaches || [], view: answer.view === 'MANAGER' ? 'MANAGER' : 'COACH', searching: false });
    }
    render(more ? before : null);
  } catch (e) {
    if (e.name !== 'AbortError') {
      showPageMessage(e instanceof ApiError && e.status < 500 ? 'warning' : 'danger',
        failure(e, wanted.q ? 'Sökningen kunde inte göras' : 'Deltagarna kunde inte hämtas'));
    }
  } finally {
    if (request === mine) {
      request = null;
      $('#cases').removeAttribute('aria-busy');
    }
  }
}

/** The list as the state has it; `newFrom`: the index of the first row a "Visa fler" added. */
function render(newFrom = null) {
  const body = $('#cases tbody');
  if (!state.rows.length) {
    const cell = el('td', 'empty', state.searching ? 'Ingen deltagare matchar sökningen bland de ärenden du får se.'
      : 'Inga deltagare i urvalet.');
    cell.colSpan = COLUMNS;
    body.replaceChildren(el('tr', null, cell));
  } else if (state.view === 'MANAGER' && !state.searching && !state.sort) {
    // The server's order for a manager: by coach, each coach's cases together (also across pages).
    const counts = new Map(state.coaches.map(c => [c.coach || '', c]));
    const out = [];
    let coach = null;
    for (const r of state.rows) {
      if ((r.coach || '') !== coach) {
        coach = r.coach || '';
        const heading = el('th', 'group', coachHeading(counts.get(coach)));
        heading.colSpan = COLUMNS;
        heading.scope = 'colgroup';
        out.push(el('tr', 'group-row', heading));
      }
      out.push(row(r));
    }
    body.replaceChildren(...out);
  } else {
    body.replaceChildren(...state.rows.map(row));
  }
  $('#summary').textContent = summaryText({ total: state.total, late: state.late, shown: state.rows.length });
  const button = $('#more');
  button.hidden = state.searching || state.rows.length >= state.total;
  button.textContent = moreText(state.total, state.rows.length);
  for (const th of document.querySelectorAll('#cases th[data-sort]')) {
    th.setAttribute('aria-sort', th.dataset.sort === state.sort
      ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none');
  }
  renderCoaches();
  if (newFrom !== null) {
    // Keyboard users continue where the new rows start.
    body.querySelectorAll('tr:not(.group-row)')[newFrom]?.querySelector('a')?.focus();
  }
}

/** A manager's overview of the selection by coach, and the coach filter's choices. */
function renderCoaches() {
  const section = $('#coaches');
  const manager = state.view === 'MANAGER' && !state.searching;
  section.hidden = !manager;
  $('#coach-field').hidden = !manager;
  if (!manager) {
    return;
  }
  const select = $('#filters').elements.coach;
  const chosen = select.value;
  select.replaceChildren(el('option', null, 'Alla coacher'),
    ...state.coaches.filter(c => c.coach).map(c => {
      const option = el('option', null, `${c.coachName} (${c.cases})`);
      option.value = c.coach;
      return option;
    }));
  select.options[0].value = '';
  select.value = state.coaches.some(c => c.coach === chosen) ? chosen : '';
  $('#coaches tbody').replaceChildren(...state.coaches.map(c => {
    const name = c.coach ? el('button', 'link-button', c.coachName, el('span', 'visually-hidden', ': visa deltagarna'))
      : el('span', 'muted', 'Ingen coach ännu');
    if (c.coach) {
      name.type = 'button';
      name.addEventListener('click', () => {
        select.value = c.coach;
        load();
        $('#cases').scrollIntoView();
      });
    }
    const heading = el('th', null, name);
    heading.scope = 'row';
    return el('tr', null, heading, el('td', 'number', String(c.cases)),
      el('td', c.late ? 'number due-late' : 'number', String(c.late)), el('td', 'number', String(c.dueWithinWeek)));
  }));
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
  if (['week', 'late'].includes(params.get('due'))) {
    filters.elements.due.value = params.get('due');
  }
  if (params.get('coach')) {
    // Until the first answer names the coaches, the wanted one is the select's only choice.
    const option = el('option', null, params.get('coach'));
    option.value = params.get('coach');
    filters.elements.coach.append(option);
    filters.elements.coach.value = option.value;
  }
  state.sort = document.querySelector(`#cases th[data-sort="${CSS.escape(params.get('sort') || '')}"]`)
    ? params.get('sort') : null;
  state.order = params.get('order') === 'desc' ? 'desc' : 'asc';
  filters.addEventListener('submit', e => {
    e.preventDefault();
    load();
  });
  for (const name of ['status', 'due', 'coach']) {
    filters.elements[name].addEventListener('change', () => load());
  }
  $('#more').addEventListener('click', () => load(true));
  for (const th of document.querySelectorAll('#cases th[data-sort]')) {
    th.querySelector('button').addEventListener('click', () => {
      state.order = state.sort === th.dataset.sort && state.order === 'asc' ? 'desc' : 'asc';
      state.sort = th.dataset.sort;
      load();
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
