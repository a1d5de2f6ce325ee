// Stegvis: the registry of workplaces that take participants on placement (praktik), for the
// placement coordinators; other staff read it. Plain ES module, no build step, no dependencies.
// Data: /api/workplaces on the same origin, authenticated by the Camunda webapp session (log in to
// Tasklist first). Everything that comes from the server is put into the page as text
// (textContent), never as HTML.

// The page lives at <context path>/stegvis/, the API at <context path>/api, the webapps at
// <context path>/camunda.
import { ApiError, NETWORK_MESSAGE, call, currentUser, el, errorMessages, failureMessage, loginHint, showPageMessage } from './stegvis.js';

const API = new URL('../api/', import.meta.url);

// Who may add and change workplaces (se.stegvis.identity.Groups); the server decides in the end.
const EDITOR_GROUPS = ['praktiksamordnare', 'camunda-admin'];

const TEXT_FIELDS = ['organisationNumber', 'employerName', 'employerKind', 'name', 'streetAddress', 'postalCode',
  'area', 'sector', 'contactName', 'contactPhone', 'contactEmail', 'supervisorName', 'supervisorPhone',
  'introducedOn'];

const collator = new Intl.Collator('sv');
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

const state = {
  sectors: [],
  employerKinds: [],
  canEdit: false,
  workplaces: [],
  areas: new Set(),
  editing: null, // null: a new workplace; otherwise {id, version, name}
  highlight: null,
  saving: false
};

// ---------------------------------------------------------------------------------------------
// The API

const WORDS = { 404: 'Arbetsplatsen finns inte i registret.' };

function api(path, options) {
  return call(new URL(path, API), options);
}

// ---------------------------------------------------------------------------------------------
// DOM helpers

const $ = selector => document.querySelector(selector);

function text(value) {
  return value === null || value === undefined || value === '' ? '–' : String(value);
}

function link(href, label) {
  const a = el('a', null, label);
  a.href = href;
  return a;
}

const failure = (error, what) => failureMessage(error, what, { page: 'Praktikplatser', words: WORDS });

// ---------------------------------------------------------------------------------------------
// Codes and the list

function usableCodes(list) {
  return (Array.isArray(list) ? list : [])
    .filter(c => c && typeof c.code === 'string' && c.code);
}

function fillSelect(select, codes) {
  const first = select.options[0];
  select.replaceChildren(first);
  for (const c of codes) {
    const option = el('option', null, c.label || c.code);
    option.value = c.code;
    select.appendChild(option);
  }
}

let listRequest = null;

async function loadList() {
  if (listRequest) {
    listRequest.abort();
  }
  const request = new AbortController();
  listRequest = request;
  const filters = $('#filters');
  const params = new URLSearchParams();
  for (const name of ['sector', 'area', 'q']) {
    const value = filters.elements[name].value.trim();
    if (value) {
      params.set(name, value);
    }
  }
  if (filters.elements.includeInactive.checked) {
    params.set('includeInactive', 'true');
  }
  $('#workplaces').setAttribute('aria-busy', 'true');
  try {
    const query = params.toString();
    const list = await api(`workplaces${query ? `?${query}` : ''}`, { signal: request.signal });
    state.workplaces = Array.isArray(list) ? list : [];
    renderList();
  } catch (e) {
    if (e.name === 'AbortError') {
      return;
    }
    showPageMessage(e instanceof ApiError && e.status === 401 ? 'warning' : 'danger',
      failure(e, 'Praktikplatserna kunde inte hämtas'));
  } finally {
    if (listRequest === request) {
      listRequest = null;
      $('#workplaces').removeAttribute('aria-busy');
    }
  }
}

function renderList() {
  const list = [...state.workplaces].sort((a, b) =>
    collator.compare(a.name || '', b.name || '') || collator.compare(a.area || '', b.area || ''));
  for (const w of list) {
    if (w.area) {
      state.areas.add(w.area);
    }
  }
  $('#known-areas').replaceChildren(...[...state.areas].sort(collator.compare).map(area => {
    const option = document.createElement('option');
    option.value = area;
    return option;
  }));

  const body = $('#workplaces tbody');
  const columns = state.canEdit ? 10 : 9;
  if (!list.length) {
    const filtered = [...new FormData($('#filters')).values()].some(v => String(v).trim());
    const cell = el('td', 'empty', filtered
      ? 'Inga arbetsplatser matchar urvalet.'
      : 'Registret är tomt.' + (state.canEdit ? ' Lägg till den första arbetsplatsen med knappen Ny arbetsplats.' : ''));
    cell.colSpan = columns;
    body.replaceChildren(el('tr', null, cell));
  } else {
    body.replaceChildren(...list.map(row));
  }
  const free = list.filter(w => w.active).reduce((sum, w) => sum + (Number(w.free) || 0), 0);
  $('#summary').textContent = `${list.length} ${list.length === 1 ? 'arbetsplats' : 'arbetsplatser'}, `
    + `${free} ${free === 1 ? 'ledig plats' : 'lediga platser'}.`;
}

function row(w) {
  const tr = el('tr', [w.active ? null : 'inactive', w.id === state.highlight ? 'highlight' : null]
    .filter(Boolean).join(' ') || null);
  tr.dataset.id = String(w.id);
  const address = [w.streetAddress, [w.postalCode, w.area].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const places = el('span', w.free > 0 ? 'places' : 'places places-full', `${text(w.free)}/${text(w.capacity)}`);
  places.title = `${text(w.taken)} tagna, ${text(w.free)} lediga av ${text(w.capacity)}`;
  const email = w.contactEmail ? link(`mailto:${w.contactEmail}`, w.contactEmail) : null;
  const cells = [
    el('td', null, el('strong', 'name', text(w.name)), address ? el('div', 'sub', address) : null),
    el('td', null, text(w.employerName),
      el('div', 'sub', [w.organisationNumber, w.employerKindLabel].filter(Boolean).join(' · '))),
    el('td', null, text(w.area)),
    el('td', null, text(w.sectorLabel || w.sector)),
    el('td', 'number', places),
    el('td', 'nowrap', w.introducedOn ? w.introducedOn : el('span', 'muted', 'Ej genomförd')),
    el('td', null, w.supervisorName || w.supervisorPhone
      ? el('span', null, text(w.supervisorName), w.supervisorPhone ? el('div', 'sub', w.supervisorPhone) : null)
      : el('span', 'muted', 'Ingen angiven')),
    el('td', null, text(w.contactName), w.contactPhone ? el('div', 'sub', w.contactPhone) : null,
      email ? el('div', 'sub', email) : null),
    el('td', 'nowrap', w.active ? 'Ja' : el('span', 'badge-inactive', 'Nej'))
  ];
  if (state.canEdit) {
    const button = el('button', 'button button-small', 'Ändra');
    button.type = 'button';
    button.setAttribute('aria-label', `Ändra ${w.name || 'arbetsplatsen'}`);
    button.addEventListener('click', () => editWorkplace(w.id));
    cells.push(el('td', 'nowrap', button));
  }
  tr.append(...cells);
  return tr;
}

// ---------------------------------------------------------------------------------------------
// The add and edit form

const form = () => $('#workplace-form');

function openEditor(workplace) {
  const f = form();
  f.reset();
  clearErrors();
  showPageMessage(null);
  state.editing = workplace ? { id: workplace.id, version: workplace.version, name: workplace.name } : null;
  $('#editor-title').textContent = workplace ? `Ändra ${text(workplace.name)}` : 'Ny arbetsplats';
  $('#active-field').hidden = !workplace;
  f.elements.introducedOn.max = today;
  if (workplace) {
    for (const name of TEXT_FIELDS) {
      f.elements[name].value = workplace[name] === null || workplace[name] === undefined ? '' : String(workplace[name]);
    }
    f.elements.capacity.value = workplace.capacity ?? '';
    f.elements.active.checked = workplace.active !== false;
  } else {
    f.elements.capacity.value = '1';
  }
  $('#save-workplace').textContent = workplace ? 'Spara ändringarna' : 'Lägg till';
  const editor = $('#editor');
  editor.hidden = false;
  editor.scrollIntoView({ block: 'start' });
  (workplace ? f.elements.name : f.elements.organisationNumber).focus({ preventScroll: true });
}

function closeEditor() {
  $('#editor').hidden = true;
  clearErrors();
  state.editing = null;
}

async function editWorkplace(id) {
  try {
    // The current version, not the list's: someone may have changed it since the list was read.
    openEditor(await api(`workplaces/${encodeURIComponent(id)}`));
  } catch (e) {
    showPageMessage('danger', failure(e, 'Arbetsplatsen kunde inte hämtas'));
  }
}

function readForm() {
  const f = form();
  const body = {};
  for (const name of TEXT_FIELDS) {
    const value = f.elements[name].value.trim();
    body[name] = value === '' ? null : value;
  }
  const capacity = f.elements.capacity.value.trim();
  body.capacity = capacity === '' ? null : /^\d+$/.test(capacity) ? Number(capacity) : capacity;
  if (state.editing) {
    body.version = state.editing.version;
    body.active = f.elements.active.checked;
  }
  return body;
}

function clearErrors() {
  const box = $('#editor-errors');
  box.hidden = true;
  box.replaceChildren();
  for (const field of form().querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
  }
}

/** The field a server message is about: messages start with the field's label ("Postnummer: …"). */
function fieldFor(message) {
  const label = message.split(':')[0].trim();
  for (const candidate of form().querySelectorAll('label[for]')) {
    if (candidate.textContent.trim() === label) {
      return document.getElementById(candidate.htmlFor);
    }
  }
  return null;
}

function showErrors(error) {
  const box = $('#editor-errors');
  const content = [];
  if (error instanceof ApiError && error.status === 401) {
    content.push(el('p', null, loginHint('Praktikplatser')), el('p', null, 'Det du har skrivit finns kvar i formuläret.'));
  } else if (error instanceof ApiError) {
    const messages = errorMessages(error, WORDS);
    content.push(el('p', 'errors-title', error.status === 400
      ? 'Arbetsplatsen kunde inte sparas. Rätta följande:'
      : 'Arbetsplatsen kunde inte sparas.'));
    content.push(el('ul', null, ...messages.map(m => el('li', null, m))));
    for (const message of messages) {
      const field = fieldFor(message);
      if (field) {
        field.setAttribute('aria-invalid', 'true');
      }
    }
    if (error.status === 409 && state.editing) {
      const reload = el('button', 'button button-small', 'Läs in arbetsplatsen igen');
      reload.type = 'button';
      reload.addEventListener('click', () => editWorkplace(state.editing.id));
      content.push(el('p', null, reload, ' (det du har ändrat försvinner)'));
    }
  } else {
    content.push(el('p', 'errors-title', `Arbetsplatsen kunde inte sparas. ${NETWORK_MESSAGE}`));
  }
  box.replaceChildren(...content);
  box.hidden = false;
  box.scrollIntoView({ block: 'nearest' });
}

async function save(event) {
  event.preventDefault();
  if (state.saving) {
    return;
  }
  state.saving = true;
  const button = $('#save-workplace');
  const label = button.textContent;
  button.disabled = true;
  button.textContent = 'Sparar …';
  const editing = state.editing;
  try {
    const body = readForm();
    const saved = editing
      ? await api(`workplaces/${encodeURIComponent(editing.id)}`, { method: 'PUT', body })
      : await api('workplaces', { method: 'POST', body });
    closeEditor();
    state.highlight = saved.id;
    showPageMessage('success', editing
      ? `Ändringarna av ${text(saved.name)} är sparade.`
      : `${text(saved.name)} (${text(saved.employerName)}) är tillagd i registret.`);
    await loadList();
  } catch (e) {
    clearErrors();
    showErrors(e);
  } finally {
    state.saving = false;
    button.disabled = false;
    button.textContent = label;
  }
}

// ---------------------------------------------------------------------------------------------
// Start

function debounce(fn, ms) {
  let timer = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

async function start() {
  const filters = $('#filters');
  const reloadSoon = debounce(loadList, 300);
  filters.addEventListener('submit', e => {
    e.preventDefault();
    loadList();
  });
  filters.elements.sector.addEventListener('change', loadList);
  filters.elements.includeInactive.addEventListener('change', loadList);
  filters.elements.area.addEventListener('input', reloadSoon);
  filters.elements.q.addEventListener('input', reloadSoon);
  $('#add-workplace').addEventListener('click', () => openEditor(null));
  $('#cancel-edit').addEventListener('click', closeEditor);
  form().addEventListener('submit', save);

  showPageMessage('muted', 'Hämtar praktikplatserna …');
  const [codes, user] = await Promise.allSettled([api('workplaces/codes'), currentUser()]);
  if (codes.status === 'rejected') {
    const e = codes.reason;
    showPageMessage(e instanceof ApiError && (e.status === 401 || e.status === 403) ? 'warning' : 'danger',
      failure(e, 'Praktikplatserna kunde inte hämtas'));
    return;
  }
  state.sectors = usableCodes(codes.value && codes.value.sectors);
  state.employerKinds = usableCodes(codes.value && codes.value.employerKinds);
  fillSelect(filters.elements.sector, state.sectors);
  fillSelect(form().elements.sector, state.sectors);
  fillSelect(form().elements.employerKind, state.employerKinds);

  const me = user.status === 'fulfilled' ? user.value : null;
  if (me) {
    $('#current-user').textContent = `Inloggad som ${me.name}`;
  }
  // Unknown groups: offer the buttons and let the server answer (a 403 is shown in the form).
  state.canEdit = !me || me.groups === null || me.groups.some(g => EDITOR_GROUPS.includes(g));
  $('#add-workplace').hidden = !state.canEdit;
  $('.edit-column').hidden = !state.canEdit;

  showPageMessage(null);
  if (!state.sectors.length || !state.employerKinds.length) {
    showPageMessage('warning', 'Kodlistorna för bransch och typ av arbetsgivare kunde inte läsas. '
      + 'Listan visas, men nya arbetsplatser kan inte läggas till just nu.');
  }
  $('#registry').hidden = false;
  await loadList();
}

start().catch(e => showPageMessage('danger', failure(e, 'Sidan kunde inte startas')));
