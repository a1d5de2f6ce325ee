// Stegvis: the case page (arende.html?case=<number>). Plain ES module, no build step. Data:
// /api/cases/<number> (the case, its referral and open tasks), /api/cases/<number>/consents and,
// on request, /api/cases/<number>/participant (contact details; each opening is logged), with the
// Camunda webapp session. Everything from the server goes into the page as text.
import { ApiError, call, currentUser, dueClass, dueInWords, el, failureMessage, showPageMessage } from './stegvis.js';

const API = new URL('../api/', import.meta.url);
const TASKLIST = new URL('../camunda/app/tasklist/', import.meta.url).href;
const $ = selector => document.querySelector(selector);
const caseNumber = new URLSearchParams(window.location.search).get('case') || '';


const failure = (error, what) => failureMessage(error, what, { page: 'ärendet' });

const api = path => call(new URL(`cases/${encodeURIComponent(caseNumber)}${path}`, API));
const text = v => v === null || v === undefined || v === '' ? '–' : String(v);

function facts(target, pairs) {
  target.replaceChildren(...pairs.filter(([, v]) => v !== undefined).flatMap(([k, v]) =>
    [el('dt', null, k), el('dd', null, typeof v === 'object' && v !== null ? v : text(v))]));
}

function table(headers, rows, empty) {
  if (!rows.length) {
    return el('p', 'muted', empty);
  }
  const head = el('tr', null, ...headers.map(h => {
    const th = el('th', null, h);
    th.scope = 'col';
    return th;
  }));
  return el('div', 'table-wrap', el('table', 'workplaces', el('thead', null, head),
    el('tbody', null, ...rows.map(cells => el('tr', null, ...cells.map(c => el('td', null, c ?? '–')))))));
}

function taskLink(task, label) {
  const a = el('a', 'button button-small', label);
  a.href = `${TASKLIST}default/#/?task=${encodeURIComponent(task.id)}`;
  return a;
}

function renderTasks(page) {
  const tasks = page.tasks.filter(t => t.id !== page.exitTaskId);
  $('#tasks').replaceChildren(table(['Steg', 'Förfaller', 'Tilldelad', ''], tasks.map(t => [
    t.name,
    t.due ? el('span', dueClass(t.dueInDays), `${dueInWords(t.dueInDays)} (${t.due})`) : el('span', 'muted', 'Ingen tidsfrist'),
    text(t.assignee),
    taskLink(t, t.mine ? 'Gör i Tasklist' : 'Öppna i Tasklist')
  ]), 'Inga öppna uppgifter i ärendet.'));
  const actions = [];
  const exit = page.tasks.find(t => t.id === page.exitTaskId);
  if (exit) {
    const a = taskLink(exit, 'Avsluta deltagande');
    a.className = 'button';
    a.title = 'Öppnar avslutsformuläret (utfall, försörjning, överlämning) i Tasklist';
    actions.push(a);
  }
  const back = el('a', 'button', 'Till Mina deltagare');
  back.href = 'deltagare.html';
  actions.push(back);
  $('#case-actions').replaceChildren(...actions);
}

function render(page) {
  const o = page.overview;
  const p = o.participant || {};
  document.title = `${p.name || o.caseNumber} – ${o.caseNumber}`;
  $('#case-title').textContent = `${p.name || 'Deltagare'} – ${o.caseNumber}`;
  $('#case-subtitle').textContent = [o.project && o.project.name, o.phaseLabel,
    o.coach ? `coach ${o.coach.name}` : 'ingen coach ännu'].filter(Boolean).join(' · ');
  renderTasks(page);
  facts($('#person'), [['Namn', p.name], ['Personnummer', p.identityNumber], ['Kön', p.gender],
    ['Ålder', p.age], ['Ålder vid remiss', page.ageAtReferral], ['Fas', o.phaseLabel],
    ['Deltagande startade', o.startedOn], ['Avslutat', o.exitedOn]]);
  const show = el('button', 'button button-small', 'Visa kontaktuppgifter');
  show.type = 'button';
  show.title = 'Öppnar personuppgifterna; det loggas';
  show.addEventListener('click', async () => {
    try {
      const record = await api('/participant');
      const dl = el('dl', 'facts');
      facts(dl, [['Fullständigt nummer', record.identityNumber], ['Telefon', record.phone], ['E-post', record.email]]);
      $('#contact').replaceChildren(el('h3', null, 'Kontaktuppgifter'), dl);
    } catch (e) {
      $('#contact').replaceChildren(el('p', 'message message-danger', failure(e, 'Kontaktuppgifterna kunde inte hämtas')));
    }
  });
  $('#contact').replaceChildren(show);
  const r = o.referral || {};
  facts($('#referral'), [['Remitterande part', r.party], ['Remittent', page.referrerName], ['Remiss', r.referredOn],
    ['Skäl till remissen', r.reason], ['Beslut', r.decision], ['Beslutsdatum', r.decidedOn]]);
  $('#deadlines').replaceChildren(table(['Steg', 'Nr', 'Förfaller', 'Läge', 'Klart'], o.deadlines.map(d =>
    [d.label, String(d.sequence), d.dueDate, d.stateLabel, d.completedOn]), 'Inga tidsfrister ännu.'));
  $('#meetings').replaceChildren(table(['Nr', 'Datum', 'Personen med', 'Parter'], o.meetings.map(m =>
    [String(m.sequence), m.heldOn, m.personPresent ? 'Ja' : 'Nej', m.parties.join(', ')]), 'Inga samtal hållna ännu.'));
  $('#placements').replaceChildren(table(['Nr', 'Läge', 'Arbetsplats', 'Handledare', 'Start', 'Slut', 'Utfall'],
    o.placements.map(pl => [String(pl.sequence), pl.statusLabel, pl.workplace, pl.supervisor, pl.plannedStart,
      pl.endedOn || pl.plannedEnd, pl.outcomeLabel]), 'Ingen praktik.'));
  $('#case-record').dataset.case = o.caseNumber;
}

async function renderConsents() {
  try {
    const consents = await api('/consents');
    $('#consents').replaceChildren(table(['Part', 'Kategori', 'Riktning', 'Givet', 'Återkallat'], consents.map(c =>
      [c.partyLabel, c.categoryLabel, c.directionLabel, c.givenOn, c.withdrawnOn]), 'Inga samtycken registrerade.'));
  } catch (e) {
    $('#consents').replaceChildren(el('p', 'muted', failure(e, 'Samtyckena kunde inte hämtas')));
  }
}

// The case record (journal, timeline, attachments) is its own module; the page runs without it.
async function mountCaseRecord() {
  const module = new URL('case-record.js', import.meta.url).href;
  const head = await fetch(module, { method: 'HEAD', credentials: 'same-origin' }).catch(() => null);
  if (head && head.ok) {
    await import(module);
  }
}

async function start() {
  currentUser().then(me => {
    if (me) {
      $('#current-user').textContent = `Inloggad som ${me.name}`;
    }
  }).catch(() => {});
  if (!caseNumber) {
    showPageMessage('warning', 'Inget ärende angivet. Sök deltagaren under Mina deltagare.');
    return;
  }
  showPageMessage('muted', 'Hämtar ärendet …');
  let page;
  try {
    page = await api('');
  } catch (e) {
    showPageMessage(e instanceof ApiError && e.status < 500 ? 'warning' : 'danger', failure(e, 'Ärendet kunde inte visas'));
    return;
  }
  showPageMessage(null);
  render(page);
  $('#case').hidden = false;
  await Promise.all([renderConsents(), mountCaseRecord().catch(() => {})]);
}

start().catch(e => showPageMessage('danger', failure(e, 'Sidan kunde inte startas')));
