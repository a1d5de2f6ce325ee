// Stegvis: the "Ärende" tab of a Tasklist task (plugin point tasklist.task.detail).
// Plain ES module, no build step. Loaded through customScripts in scripts/config.js.
// Data comes from GET /api/cases/by-task/<taskId> (same origin; the webapp session authenticates).
// Everything that comes from the server is put into the page as text (textContent), never as HTML.

import { ApiError, apiUrl, call, caseUrl, currentUser, el, errorMessages, loadStylesheet } from '../../../../stegvis/stegvis.js';

const STYLESHEET = new URL('stegvis-case.css', import.meta.url).pathname;

const dateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
});

function formatDateTime(value) {
  if (!value) {
    return '–';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTime.format(date);
}

function text(value) {
  return value === null || value === undefined || value === '' ? '–' : String(value);
}

// A list of label/value pairs: [['Namn', 'Lena Ek'], ...]; values are text or nodes.
function facts(pairs) {
  const dl = el('dl', 'stegvis-facts');
  for (const [label, value] of pairs) {
    dl.appendChild(el('dt', null, label));
    dl.appendChild(el('dd', null, value instanceof Node ? value : text(value)));
  }
  return dl;
}

function section(title, ...children) {
  return el('section', 'stegvis-section', el('h4', null, title), ...children);
}

function empty(message) {
  return el('p', 'stegvis-empty', message);
}

function multiline(value) {
  return el('div', 'stegvis-multiline', text(value));
}

const STATE_CLASSES = {
  MISSED: 'stegvis-state-missed',
  MET_LATE: 'stegvis-state-late',
  MET: 'stegvis-state-met',
  OPEN: 'stegvis-state-open',
  CANCELLED: 'stegvis-state-cancelled'
};

const STATE_LABELS = {
  OPEN: 'Öppen', MET: 'Klar i tid', MISSED: 'Missad', MET_LATE: 'Klar, sent', CANCELLED: 'Avbruten'
};

function deadlineTable(deadlines) {
  const body = el('tbody');
  for (const d of deadlines) {
    const label = d.label || d.kind || 'Tidsfrist';
    const step = d.kind === 'MEETING' || d.sequence > 1 ? `${label}, nr ${d.sequence}` : label;
    const stateText = d.stateLabel || STATE_LABELS[d.state] || text(d.state);
    const late = d.overdue || d.state === 'MISSED' || d.state === 'MET_LATE';
    body.appendChild(el('tr', d.overdue ? STATE_CLASSES.MISSED : (STATE_CLASSES[d.state] || null),
      el('td', null, step),
      el('td', 'stegvis-nowrap', text(d.dueDate)),
      el('td', 'stegvis-nowrap', el('span', `stegvis-state ${late ? 'stegvis-state-flag' : ''}`, stateText)),
      el('td', 'stegvis-nowrap', text(d.stepOn)),
      el('td', 'stegvis-nowrap', text(d.registeredOn))));
  }
  return el('table', 'table table-condensed stegvis-table',
    el('thead', null, el('tr', null, el('th', null, 'Tidsfrist'), el('th', null, 'Förfallodag'),
      el('th', null, 'Status'), el('th', null, 'Utfört'), el('th', null, 'Registrerat'))),
    body);
}

// ---------------------------------------------------------------------------------------------
// Praktik: the case's placements (PlacementView of GET /api/cases/by-task/<taskId>) and the coach's
// request for one (POST /api/cases/<caseNumber>/placements).

/** Statuses of a placement under way: while one of them holds, no new placement can be requested. */
const PLACEMENT_OPEN = ['REQUESTED', 'MATCHED', 'VISITED', 'ACTIVE'];

const PLACEMENT_STATUS_LABELS = {
  REQUESTED: 'Begärd', MATCHED: 'Matchad', VISITED: 'Besökt', ACTIVE: 'Pågår', ENDED: 'Avslutad', WITHDRAWN: 'Återkallad'
};

const PLACEMENT_STATUS_CLASSES = {
  REQUESTED: 'label-info', MATCHED: 'label-info', VISITED: 'label-info', ACTIVE: 'label-success',
  ENDED: 'label-default', WITHDRAWN: 'label-default'
};

// Who may ask for a placement besides the case's coach (se.stegvis.identity.Groups).
const PLACEMENT_REQUESTER_GROUPS = ['praktiksamordnare', 'camunda-admin'];

function joined(separator, ...parts) {
  const present = parts.filter(p => p !== null && p !== undefined && p !== '');
  return present.length ? present.join(separator) : null;
}

function period(from, to) {
  return from || to ? `${text(from)} – ${text(to)}` : null;
}

function placementItem(p) {
  const status = p.statusLabel || PLACEMENT_STATUS_LABELS[p.status] || text(p.status);
  const wish = joined(', ', p.sectorWish, p.areaWish);
  const workplace = joined(', ', p.workplace, p.employer, p.area);
  const outcome = joined(' – ', p.outcomeLabel || p.outcome, p.employmentTypeLabel, p.endReasonLabel);
  const started = p.status === 'ACTIVE' || p.status === 'ENDED';
  // The placement's story so far: what is not known yet is left out, apart from the workplace.
  const pairs = [
    ['Önskemål', joined(' · ', wish, p.requestedOn ? `begärd ${p.requestedOn}` : null)],
    ['Arbetsplats', workplace || (p.status === 'WITHDRAWN' ? null : 'Inte matchad ännu')],
    ['Handledare', p.supervisor],
    ['Matchad', p.matchedOn],
    ['Besökt', p.visitedOn],
    ['Period', period(p.plannedStart, p.plannedEnd)],
    ['Timmar per vecka', p.hoursPerWeek],
    ['Uppföljningsbesök', started || p.followUpVisits ? String(p.followUpVisits ?? 0) : null],
    ['Avslutad', p.endedOn],
    ['Utfall', outcome],
    ['Längd', p.durationDays !== null && p.durationDays !== undefined
      ? `${p.durationDays} ${p.durationDays === 1 ? 'dag' : 'dagar'}` : null]
  ].filter(([, value]) => value !== null && value !== undefined && value !== '');
  return el('li', `stegvis-placement stegvis-placement-${String(p.status || '').toLowerCase()}`,
    el('div', 'stegvis-placement-header',
      el('strong', null, `Praktik ${text(p.sequence)}`),
      el('span', `label ${PLACEMENT_STATUS_CLASSES[p.status] || 'label-default'} stegvis-placement-status`, status)),
    facts(pairs));
}

let requestIds = 0;
let codesPromise = null;

/** The sectors of /api/workplaces/codes, read once per page. */
function sectors() {
  if (!codesPromise) {
    codesPromise = call(apiUrl('/api/workplaces/codes'))
      .then(codes => (codes && Array.isArray(codes.sectors) ? codes.sectors : [])
        .filter(c => c && typeof c.code === 'string' && c.code));
    codesPromise.catch(() => {
      codesPromise = null; // try again next time
    });
  }
  return codesPromise;
}

/** Whether the form is worth offering: the coach, a placement coordinator or an administrator; when unsure, yes. */
async function mayRequestPlacement(data) {
  try {
    const user = await currentUser();
    if (!user) {
      return false;
    }
    if (data.coach && data.coach.id === user.userId) {
      return true;
    }
    return user.groups === null || user.groups.some(g => PLACEMENT_REQUESTER_GROUPS.includes(g));
  } catch (e) {
    return true;
  }
}

const problemMessages = error => errorMessages(error,
  { 403: 'Du har inte behörighet att begära praktik i det här ärendet.' });

/** "Begär praktik": sector (required) and area wished; onRequested reloads the case. */
// The whole case (referral reason, consents, every open task, the exit) is on its own page.
function casePageLink(caseNumber) {
  const a = el('a', 'stegvis-case-page-link', 'Öppna ärendesidan');
  a.href = caseUrl(caseNumber);
  return a;
}

function placementRequestForm(caseNumber, onRequested) {
  const id = `stegvis-placement-request-${++requestIds}`;
  const select = el('select', 'form-control input-sm', el('option', null, 'Hämtar branscher …'));
  select.id = `${id}-sector`;
  select.name = 'sectorWish';
  select.required = true;
  select.disabled = true;
  const area = el('input', 'form-control input-sm');
  area.id = `${id}-area`;
  area.name = 'areaWish';
  area.type = 'text';
  area.maxLength = 100;
  area.placeholder = 'Valfri';
  const button = el('button', 'btn btn-primary btn-sm', 'Begär praktik');
  button.type = 'submit';
  button.disabled = true;
  const feedback = el('div', 'stegvis-request-feedback');
  feedback.setAttribute('role', 'alert');

  const sectorLabel = el('label', null, 'Bransch');
  sectorLabel.htmlFor = select.id;
  const areaLabel = el('label', null, 'Önskad ort');
  areaLabel.htmlFor = area.id;
  const form = el('form', 'stegvis-placement-request',
    el('p', 'stegvis-request-intro', 'Deltagaren har ingen praktik på gång. Begär en, så får praktiksamordnaren en uppgift att matcha en arbetsplats.'),
    el('div', 'stegvis-request-fields',
      el('div', 'form-group', sectorLabel, select),
      el('div', 'form-group', areaLabel, area),
      el('div', 'form-group stegvis-request-submit', button)),
    feedback);
  form.noValidate = true;

  const showProblems = messages => feedback.replaceChildren(messages.length === 1
    ? message('danger', messages[0])
    : el('div', 'stegvis-message stegvis-message-danger', el('ul', null, ...messages.map(m => el('li', null, m)))));

  sectors().then(list => {
    if (!list.length) {
      select.replaceChildren(el('option', null, 'Inga branscher'));
      feedback.replaceChildren(message('danger', 'Branscherna kunde inte läsas; praktik kan inte begäras just nu.'));
      return;
    }
    const choose = el('option', null, 'Välj bransch …');
    choose.value = '';
    select.replaceChildren(choose, ...list.map(c => {
      const option = el('option', null, c.label || c.code);
      option.value = c.code;
      return option;
    }));
    select.disabled = false;
    button.disabled = false;
  }).catch(e => {
    select.replaceChildren(el('option', null, 'Inga branscher'));
    feedback.replaceChildren(message('danger', e.status === 401 ? 'Du är inte inloggad längre. Logga in igen.'
      : 'Branscherna kunde inte hämtas; praktik kan inte begäras just nu.'));
  });

  form.addEventListener('submit', event => {
    event.preventDefault();
    if (button.disabled) {
      return;
    }
    button.disabled = true;
    button.textContent = 'Begär …';
    feedback.replaceChildren();
    call(apiUrl(`/api/cases/${encodeURIComponent(caseNumber)}/placements`), {
      method: 'POST',
      body: { sectorWish: select.value || null, areaWish: area.value.trim() || null }
    }).then(() => onRequested('Praktik begärd – praktiksamordnaren får en uppgift att matcha.'))
      .catch(error => showProblems(problemMessages(error))).finally(() => {
      button.disabled = false;
      button.textContent = 'Begär praktik';
    });
  });
  return form;
}

function placementSection(data, options) {
  const placements = data.placements || [];
  const underWay = placements.some(p => PLACEMENT_OPEN.includes(p.status));
  const body = section(`Praktik (${placements.length})`);
  body.classList.add('stegvis-placements');
  if (options.flash) {
    body.appendChild(message('success', options.flash));
  }
  body.appendChild(placements.length
    ? el('ul', 'stegvis-list stegvis-placement-list', ...placements.map(placementItem))
    : empty('Ingen praktik ännu.'));
  if (data.phase === 'ACTIVE' && !underWay && data.caseNumber && options.onRequested) {
    // Added only for those who may ask; the server decides in the end (a 403 is shown in the form).
    const slot = el('div', 'stegvis-request-slot');
    body.appendChild(slot);
    mayRequestPlacement(data).then(may => {
      if (may) {
        slot.replaceChildren(placementRequestForm(data.caseNumber, options.onRequested));
      }
    });
  }
  return body;
}

function participantSummary(p) {
  if (!p) {
    return facts([['Deltagare', '–']]);
  }
  const age = p.ageAtReferral !== null && p.ageAtReferral !== undefined ? `${p.ageAtReferral} år vid remissen` : null;
  const extra = [p.gender, age].filter(Boolean).join(', ');
  return facts([
    ['Namn', p.name],
    ['Personnummer', p.identityNumber],
    ['Kön och ålder vid remiss', extra || '–']
  ]);
}

/** The case's journal and timeline in a window of its own, beside the task form, which stays as it is. */
function recordLink(caseNumber) {
  const link = el('a', 'btn btn-default btn-xs', 'Journal och tidslinje (nytt fönster)');
  link.href = apiUrl(`/stegvis/journal.html?case=${encodeURIComponent(caseNumber)}`);
  link.target = 'stegvis-journal';
  link.rel = 'noopener';
  return link;
}

function renderCase(data, options = {}) {
  const deadlines = data.deadlines || [];
  const missed = deadlines.filter(d => d.overdue);
  const meetings = data.meetings || [];
  const notifications = data.notifications || [];

  const header = el('div', 'stegvis-case-header',
    el('h3', null, `Ärende ${text(data.caseNumber)}`),
    data.phaseLabel || data.phase ? el('span', 'label label-info stegvis-phase', data.phaseLabel || data.phase) : null,
    missed.length ? el('span', 'label label-danger stegvis-phase',
      missed.length === 1 ? '1 försenad tidsfrist' : `${missed.length} försenade tidsfrister`) : null,
    data.caseNumber ? casePageLink(data.caseNumber) : null,
    data.caseNumber ? recordLink(data.caseNumber) : null);

  const referral = data.referral;
  const overview = el('div', 'stegvis-columns',
    section('Deltagare', participantSummary(data.participant)),
    section('Insats', facts([
      ['Projekt', data.project ? (data.project.name || data.project.code) : null],
      ['Coach', data.coach ? (data.coach.name || data.coach.id) : 'Ingen coach'],
      ['Fas', data.phaseLabel || data.phase],
      ['Start', data.startedOn],
      ['Avslut', data.exitedOn]
    ])),
    section('Remiss', referral ? facts([
      ['Remitterande part', referral.party],
      ['Remitterad', referral.referredOn],
      ['Skäl till remissen', referral.reason ? multiline(referral.reason) : null],
      ['Beslut', referral.decision],
      ['Beslutsdatum', referral.decidedOn]
    ]) : empty('Ingen remiss registrerad.')));

  const deadlineSection = section('Tidsfrister',
    deadlines.length ? deadlineTable(deadlines) : empty('Inga tidsfrister ännu.'));

  const plan = data.plan;
  const planSection = section('Handlingsplan', plan
    ? facts([['Upprättad', plan.madeOn], ['Mål', multiline(plan.goals)], ['Aktiviteter', multiline(plan.activities)]])
    : empty('Ingen handlingsplan ännu.'));

  const meetingSection = section(`Flerpartssamtal (${meetings.length})`, meetings.length
    ? el('ul', 'stegvis-list', ...meetings.map(m => el('li', null,
      el('strong', null, `Nr ${text(m.sequence)}, ${text(m.heldOn)}`),
      el('span', null, ` · deltagaren ${m.personPresent ? 'närvarade' : 'närvarade inte'}`),
      m.parties && m.parties.length ? el('span', null, ` · parter: ${m.parties.join(', ')}`) : null)))
    : empty('Inga flerpartssamtal hållna ännu.'));

  const proposal = data.proposal;
  const proposalSection = section('Förslag till åtgärd', proposal
    ? facts([['Dokumenterat', proposal.documentedOn], ['Förslag', multiline(proposal.proposal)]])
    : empty('Inget förslag till åtgärd dokumenterat ännu.'));

  const notificationSection = section(`Meddelanden (${notifications.length})`, notifications.length
    ? el('table', 'table table-condensed stegvis-table',
      el('thead', null, el('tr', null, el('th', null, 'Skapat'), el('th', null, 'Mottagare'),
        el('th', null, 'Ämne'), el('th', null, 'Skickat'))),
      el('tbody', null, ...notifications.map(n => el('tr', null,
        el('td', 'stegvis-nowrap', formatDateTime(n.createdAt)),
        el('td', null, text(n.recipient)),
        el('td', null, text(n.subject)),
        el('td', 'stegvis-nowrap', n.sent ? 'Ja' : 'Nej, finns i ärendet')))))
    : empty('Inga meddelanden.'));

  return el('div', null, header, overview, deadlineSection,
    el('div', 'stegvis-columns', planSection, proposalSection), meetingSection, placementSection(data, options),
    notificationSection);
}

function message(kind, textContent) {
  return el('p', `stegvis-message stegvis-message-${kind}`, textContent);
}

function mount(node, taskId) {
  const root = el('div', 'stegvis-case');
  node.replaceChildren(root);
  const controller = new AbortController();

  if (!taskId) {
    root.appendChild(message('muted', 'Välj en uppgift för att se ärendet.'));
    return () => controller.abort();
  }
  root.appendChild(message('muted', 'Hämtar ärendet …'));

  // flash: a message shown in the Praktik section after the case is read again (a request was made).
  const load = flash => call(apiUrl(`/api/cases/by-task/${encodeURIComponent(taskId)}`), { signal: controller.signal })
    .then(data => root.replaceChildren(renderCase(data, { flash, onRequested: load })))
    .catch(e => {
      if (e.name === 'AbortError') {
        return;
      }
      if (!(e instanceof ApiError)) {
        root.replaceChildren(message('danger', 'Kunde inte hämta ärendet. Kontrollera anslutningen och försök igen.'));
      } else if (e.status === 404) {
        root.classList.add('stegvis-not-a-case');
        root.replaceChildren(message('muted', 'Den här uppgiften hör inte till något Stegvis-ärende.'));
      } else if (e.status === 401) {
        root.replaceChildren(message('warning', 'Du är inte inloggad längre. Logga in igen.'));
      } else if (e.status === 403) {
        root.replaceChildren(message('warning', 'Du har inte behörighet att se det här ärendet.'));
      } else {
        root.replaceChildren(message('danger', `Kunde inte hämta ärendet (fel ${e.status}). Försök igen om en stund.`));
      }
    });
  load(null);
  return () => controller.abort();
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
  id: 'stegvis-case',
  pluginPoint: 'tasklist.task.detail',
  priority: 900, // after "Formulär" (1000), before "Historik" (800): the form stays the first tab
  label: 'Ärende',
  render(node, { taskId }) {
    loadStylesheet(STYLESHEET, 'case');
    start(node, () => mount(node, taskId));
  },
  unmount() {
    for (const node of [...shown.keys()]) {
      if (!node.isConnected) {
        stop(node);
      }
    }
  }
};
