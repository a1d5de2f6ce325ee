// Stegvis: "Försenade steg", a Cockpit dashboard plugin (plugin point cockpit.dashboard).
// Plain ES module, no build step. Loaded through customScripts in scripts/config.js.
// Data comes from GET /api/deadlines/overdue (same origin; the webapp session authenticates): one page
// of overdue steps (page, size) with the server's totals, and the nearest steps due soon.
// Everything that comes from the server is put into the page as text (textContent), never as HTML.

import { ApiError, apiUrl, call, caseUrl, el, errorMessages, loadStylesheet } from '../../../../stegvis/stegvis.js';

const STYLESHEET = new URL('stegvis-overdue.css', import.meta.url).pathname;
const PAGE_SIZE = 50;
const NUMBER = new Intl.NumberFormat('sv-SE');

function number(n) {
  return NUMBER.format(n || 0);
}

function days(n) {
  return n === 1 ? '1 dag' : `${n} dagar`;
}

function stepLabel(step) {
  const label = step.kindLabel || step.kind || 'Okänd tidsfrist';
  return step.kind === 'MEETING' || step.sequence > 1 ? `${label}, nr ${step.sequence}` : label;
}

function coachLabel(step) {
  return step.coachName || step.coach || 'Ingen coach';
}

// "Öppna" leads to the case page; the process instance in Cockpit stays one click away.
function caseLinks(step) {
  const open = step.caseNumber ? el('a', null, 'Öppna') : el('span', 'text-muted', '–');
  if (step.caseNumber) {
    open.href = caseUrl(step.caseNumber);
    open.title = `Öppna ärendet ${step.caseNumber}`;
  }
  if (!step.processInstanceId) {
    return open;
  }
  const instance = el('a', 'stegvis-instance-link', 'process');
  instance.href = `#/process-instance/${encodeURIComponent(step.processInstanceId)}/runtime`;
  instance.title = 'Öppna processinstansen i Cockpit';
  return el('span', null, open, ' · ', instance);
}

function table(columns, rows) {
  const head = el('tr', null, ...columns.map(c => el('th', c.className || null, c.title)));
  const body = el('tbody');
  for (const row of rows) {
    body.appendChild(el('tr', row.className || null,
      ...columns.map(c => el('td', c.className || null, c.cell(row.step)))));
  }
  return el('div', 'table-responsive',
    el('table', 'table table-condensed table-hover stegvis-table', el('thead', null, head), body));
}

// The log review page for managers (issue 7), beside the webapps at <context path>/stegvis/.
function auditLink() {
  const a = el('a', 'stegvis-audit-link', 'Loggranskning');
  a.href = new URL('../../../../stegvis/loggranskning.html', import.meta.url).href;
  a.title = 'Vem har läst och ändrat ärenden i dina projekt';
  return a;
}

function summaryCard(title, items, empty) {
  const card = el('div', 'stegvis-card', el('h4', null, title));
  if (!items || items.length === 0) {
    card.appendChild(el('p', 'text-muted', empty));
    return card;
  }
  const list = el('ul', 'stegvis-counts');
  for (const item of items) {
    list.appendChild(el('li', null, el('span', 'stegvis-count-label', item.label), el('span', 'badge', item.count)));
  }
  card.appendChild(list);
  return card;
}

function option(value, text, selected) {
  const o = el('option', null, text);
  o.value = value;
  o.selected = selected;
  return o;
}

function fillSelect(select, allText, entries, selected) {
  select.replaceChildren(option('', allText, !selected));
  let found = false;
  for (const entry of entries) {
    found = found || entry.value === selected;
    select.appendChild(option(entry.value, entry.text, entry.value === selected));
  }
  if (selected && !found) {
    select.appendChild(option(selected, selected, true));
  }
}

function mount(node) {
  loadStylesheet(STYLESHEET, 'overdue');
  const state = { project: '', coach: '', page: 0, request: 0, controller: null };

  const projectSelect = el('select', 'form-control input-sm');
  projectSelect.id = 'stegvis-overdue-project';
  const coachSelect = el('select', 'form-control input-sm');
  coachSelect.id = 'stegvis-overdue-coach';
  fillSelect(projectSelect, 'Alla projekt', [], '');
  fillSelect(coachSelect, 'Alla coacher', [], '');
  const refresh = el('button', 'btn btn-default btn-sm', 'Uppdatera');
  refresh.type = 'button';

  const projectLabel = el('label', null, 'Projekt');
  projectLabel.htmlFor = projectSelect.id;
  const coachLabelEl = el('label', null, 'Coach');
  coachLabelEl.htmlFor = coachSelect.id;

  const today = el('span', 'stegvis-today text-muted');
  const status = el('div', 'stegvis-status');
  status.setAttribute('role', 'status');
  const content = el('div', 'stegvis-content');

  node.replaceChildren(el('div', 'stegvis-overdue',
    el('div', 'stegvis-header', el('h2', null, 'Försenade steg'), today, auditLink()),
    el('form', 'stegvis-filters form-inline',
      el('div', 'form-group', projectLabel, projectSelect),
      el('div', 'form-group', coachLabelEl, coachSelect),
      refresh),
    status,
    content));

  projectSelect.addEventListener('change', () => { state.project = projectSelect.value; state.page = 0; load(); });
  coachSelect.addEventListener('change', () => { state.coach = coachSelect.value; state.page = 0; load(); });
  refresh.addEventListener('click', () => load());
  node.querySelector('form').addEventListener('submit', e => e.preventDefault());

  function showStatus(kind, text, withRetry) {
    status.className = `stegvis-status alert alert-${kind}`;
    status.replaceChildren(el('span', null, text));
    if (withRetry) {
      const retry = el('button', 'btn btn-link btn-sm', 'Försök igen');
      retry.type = 'button';
      retry.addEventListener('click', () => load());
      status.appendChild(retry);
    }
  }

  function clearStatus() {
    status.className = 'stegvis-status';
    status.replaceChildren();
  }

  async function load() {
    const request = ++state.request;
    if (state.controller) {
      state.controller.abort();
    }
    state.controller = new AbortController();
    const params = new URLSearchParams();
    if (state.project) {
      params.set('project', state.project);
    }
    if (state.coach) {
      params.set('coach', state.coach);
    }
    params.set('page', String(state.page));
    params.set('size', String(PAGE_SIZE));
    const query = params.toString();
    showStatus('info', 'Hämtar försenade steg …');
    content.classList.add('stegvis-loading');
    let data;
    try {
      data = await call(apiUrl('/api/deadlines/overdue') + (query ? `?${query}` : ''), { signal: state.controller.signal });
    } catch (e) {
      if (request !== state.request || e.name === 'AbortError') {
        return;
      }
      content.classList.remove('stegvis-loading');
      content.replaceChildren();
      const text = errorMessages(e, { 403: 'Du har inte behörighet att se försenade steg.' }).join(' ');
      if (e instanceof ApiError && e.status === 401) {
        showStatus('warning', text);
        const login = el('a', 'btn btn-link btn-sm', 'Till inloggningen');
        login.href = window.location.pathname;
        login.addEventListener('click', () => window.location.reload());
        status.appendChild(login);
      } else {
        showStatus('danger', text, !(e instanceof ApiError) || e.status >= 500);
      }
      return;
    }
    if (request !== state.request) {
      return;
    }
    content.classList.remove('stegvis-loading');
    if (!data) {
      content.replaceChildren();
      showStatus('danger', 'Svaret från servern gick inte att läsa. Försök igen om en stund.', true);
      return;
    }
    clearStatus();
    render(data);
  }

  // "Visar 1–50 av 10 000" and the buttons to the page before and after.
  function pager(data, shown) {
    const total = data.overdueTotal || 0;
    const size = data.size || PAGE_SIZE;
    const page = data.page || 0;
    const first = page * size + 1;
    const last = page * size + shown;
    const text = el('span', 'stegvis-pager-text',
      shown === 0 ? `Visar 0 av ${number(total)}` : `Visar ${number(first)}–${number(last)} av ${number(total)}`);
    const previous = el('button', 'btn btn-default btn-sm', 'Föregående');
    previous.type = 'button';
    previous.disabled = page === 0;
    previous.addEventListener('click', () => { state.page = Math.max(0, page - 1); load(); });
    const next = el('button', 'btn btn-default btn-sm', 'Nästa');
    next.type = 'button';
    next.disabled = (page + 1) * size >= total;
    next.addEventListener('click', () => { state.page = page + 1; load(); });
    const nav = el('div', 'stegvis-pager', previous, text, next);
    nav.setAttribute('role', 'navigation');
    nav.setAttribute('aria-label', 'Sidor med försenade steg');
    return nav;
  }

  function render(data) {
    const overdue = data.overdue || [];
    const dueSoon = data.dueSoon || [];
    const overdueTotal = data.overdueTotal || 0;
    const dueSoonTotal = data.dueSoonTotal || 0;
    // A page past the end (steps done since the last look): go back to the last page there is.
    if (overdue.length === 0 && overdueTotal > 0 && state.page > 0) {
      state.page = Math.max(0, Math.ceil(overdueTotal / (data.size || PAGE_SIZE)) - 1);
      load();
      return;
    }
    today.textContent = data.today ? `Läget ${data.today}` : '';
    fillSelect(projectSelect, 'Alla projekt',
      (data.projects || []).map(p => ({ value: p.code, text: p.name || p.code })), state.project);
    fillSelect(coachSelect, 'Alla coacher',
      (data.coaches || []).map(c => ({ value: c.id, text: c.name || c.id })), state.coach);

    const filtered = state.project || state.coach;
    const total = el('p', overdueTotal ? 'stegvis-total stegvis-total-late' : 'stegvis-total stegvis-total-ok',
      overdueTotal === 0 ? 'Inga försenade steg' + (filtered ? ' i det här urvalet.' : '. Alla tidsfrister hålls.')
        : overdueTotal === 1 ? '1 försenat steg' : `${number(overdueTotal)} försenade steg`,
      dueSoonTotal ? ` · ${number(dueSoonTotal)} förfaller inom 7 dagar` : '');

    const cards = el('div', 'stegvis-cards',
      summaryCard('Per tidsfrist', (data.byKind || []).map(k => ({ label: k.label || k.kind, count: k.count })),
        'Inga försenade steg.'),
      summaryCard('Per coach', (data.byCoach || []).map(c => ({ label: c.name || c.coach || 'Ingen coach', count: c.count })),
        'Inga försenade steg.'),
      summaryCard('Per projekt', (data.byProject || []).map(p => ({ label: p.name || p.code, count: p.count })),
        'Inga försenade steg.'));

    const common = [
      { title: 'Ärende', cell: s => s.caseNumber || '–', className: 'stegvis-col-case' },
      { title: 'Projekt', cell: s => s.projectName || s.projectCode || '–', className: 'stegvis-col-project' },
      { title: 'Coach', cell: coachLabel, className: 'stegvis-col-coach' },
      { title: 'Tidsfrist', cell: stepLabel, className: 'stegvis-col-kind' },
      { title: 'Förfallodag', cell: s => s.dueDate || '–', className: 'stegvis-col-date' }
    ];
    const overdueSection = el('div', 'stegvis-section',
      el('h3', null, `Försenade (${number(overdueTotal)})`),
      overdueTotal > 0 ? pager(data, overdue.length) : null,
      overdue.length === 0
        ? el('p', 'stegvis-empty', filtered ? 'Inga försenade steg för valt projekt och vald coach.'
          : 'Inga försenade steg just nu.')
        : table([...common,
          { title: 'Dagar försenat', cell: s => days(s.daysOverdue ?? 0), className: 'stegvis-col-days stegvis-late' },
          { title: 'Ärende', cell: caseLinks, className: 'stegvis-col-link' }],
        overdue.map(step => ({ step, className: 'stegvis-row-late' }))));

    const soonSection = el('div', 'stegvis-section',
      el('h3', null, `Förfaller inom 7 dagar (${number(dueSoonTotal)})`),
      dueSoonTotal > dueSoon.length
        ? el('p', 'stegvis-more text-muted', `Visar de ${number(dueSoon.length)} som förfaller först.`) : null,
      dueSoon.length === 0
        ? el('p', 'stegvis-empty', 'Inga steg förfaller inom 7 dagar.')
        : table([...common,
          { title: 'Dagar kvar', cell: s => (s.daysLeft === 0 ? 'i dag' : days(s.daysLeft ?? 0)), className: 'stegvis-col-days' },
          { title: 'Ärende', cell: caseLinks, className: 'stegvis-col-link' }],
        dueSoon.map(step => ({ step }))));

    content.replaceChildren(...[total, overdueTotal ? cards : null, overdueSection, soonSection].filter(Boolean));
  }

  load();
  return () => {
    state.request++;
    if (state.controller) {
      state.controller.abort();
    }
  };
}

// Views shown now: node -> stop function. The webapp calls unmount() without saying which view
// went away, so it stops those whose node has left the page.
const shown = new Map();

function start(node, mountFn) {
  stop(node);
  shown.set(node, mountFn());
}

function stop(node) {
  const stopFn = shown.get(node);
  if (stopFn) {
    stopFn();
    shown.delete(node);
  }
}

export default {
  id: 'stegvis-overdue',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render(node) {
    start(node, () => mount(node));
  },
  unmount() {
    for (const node of [...shown.keys()]) {
      if (!node.isConnected) {
        stop(node);
      }
    }
  }
};
