// Stegvis: the "Ärende" tab of a Tasklist task (plugin point tasklist.task.detail).
// Plain ES module, no build step. Loaded through customScripts in scripts/config.js.
// Data comes from GET /api/cases/by-task/<taskId> (same origin; the webapp session authenticates).
// Everything that comes from the server is put into the page as text (textContent), never as HTML.

const STYLESHEET = new URL('stegvis-case.css', import.meta.url).pathname;

// The application's API lives at <context path>/api; the webapps at <context path>/camunda
// (camunda.bpm.webapp.application-path). <base app-root> holds <context path>/camunda.
function apiUrl(path) {
  const base = document.querySelector('base[app-root]');
  const appRoot = base ? base.getAttribute('app-root') : '/camunda';
  return appRoot.replace(/\/[^/]*\/?$/, '') + path;
}

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child)) : child);
  }
  return node;
}

function loadStylesheet() {
  if (!document.querySelector('link[data-stegvis="case"]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET;
    link.setAttribute('data-stegvis', 'case');
    document.head.appendChild(link);
  }
}

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
  OPEN: 'Öppen', MET: 'Klar i tid', MISSED: 'Försenad', MET_LATE: 'Klar, försenad', CANCELLED: 'Avbruten'
};

function deadlineTable(deadlines) {
  const body = el('tbody');
  for (const d of deadlines) {
    const label = d.label || d.kind || 'Tidsfrist';
    const step = d.kind === 'MEETING' || d.sequence > 1 ? `${label}, nr ${d.sequence}` : label;
    const stateText = d.stateLabel || STATE_LABELS[d.state] || text(d.state);
    const late = d.state === 'MISSED' || d.state === 'MET_LATE';
    body.appendChild(el('tr', STATE_CLASSES[d.state] || null,
      el('td', null, step),
      el('td', 'stegvis-nowrap', text(d.dueDate)),
      el('td', 'stegvis-nowrap', el('span', `stegvis-state ${late ? 'stegvis-state-flag' : ''}`, stateText)),
      el('td', 'stegvis-nowrap', text(d.completedOn))));
  }
  return el('table', 'table table-condensed stegvis-table',
    el('thead', null, el('tr', null, el('th', null, 'Tidsfrist'), el('th', null, 'Förfallodag'),
      el('th', null, 'Status'), el('th', null, 'Klar'))),
    body);
}

const PLACEMENT_LABELS = {
  workplace: 'Arbetsplats', employer: 'Arbetsgivare', name: 'Namn', organisation: 'Organisation',
  organization: 'Organisation', title: 'Uppgift', role: 'Uppgift', startDate: 'Start', startsOn: 'Start',
  start: 'Start', endDate: 'Slut', endsOn: 'Slut', end: 'Slut', hoursPerWeek: 'Timmar per vecka',
  supervisor: 'Handledare', state: 'Status', stateLabel: 'Status', status: 'Status'
};

function placementItem(placement) {
  if (placement === null || typeof placement !== 'object') {
    return el('li', null, text(placement));
  }
  const keys = Object.keys(placement).filter(k => {
    const v = placement[k];
    return v !== null && v !== undefined && typeof v !== 'object' && !(k === 'state' && placement.stateLabel);
  });
  return el('li', null, facts(keys.map(k => {
    const value = placement[k];
    return [PLACEMENT_LABELS[k] || k, typeof value === 'boolean' ? (value ? 'Ja' : 'Nej') : value];
  })));
}

function participantSummary(p) {
  if (!p) {
    return facts([['Deltagare', '–']]);
  }
  const extra = [p.gender, p.age !== null && p.age !== undefined ? `${p.age} år` : null].filter(Boolean).join(', ');
  return facts([
    ['Namn', p.name],
    ['Personnummer', p.identityNumber],
    ['Kön och ålder', extra || '–']
  ]);
}

function renderCase(data) {
  const deadlines = data.deadlines || [];
  const missed = deadlines.filter(d => d.state === 'MISSED');
  const meetings = data.meetings || [];
  const placements = data.placements || [];
  const notifications = data.notifications || [];

  const header = el('div', 'stegvis-case-header',
    el('h3', null, `Ärende ${text(data.caseNumber)}`),
    data.phaseLabel || data.phase ? el('span', 'label label-info stegvis-phase', data.phaseLabel || data.phase) : null,
    missed.length ? el('span', 'label label-danger stegvis-phase',
      missed.length === 1 ? '1 försenad tidsfrist' : `${missed.length} försenade tidsfrister`) : null);

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

  const placementSection = section('Praktikplatser', placements.length
    ? el('ul', 'stegvis-list', ...placements.map(placementItem))
    : empty('Inga praktikplatser ännu.'));

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
    el('div', 'stegvis-columns', planSection, proposalSection), meetingSection, placementSection,
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

  fetch(apiUrl(`/api/cases/by-task/${encodeURIComponent(taskId)}`), {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    signal: controller.signal
  }).then(async response => {
    if (response.ok) {
      root.replaceChildren(renderCase(await response.json()));
    } else if (response.status === 404) {
      root.classList.add('stegvis-not-a-case');
      root.replaceChildren(message('muted', 'Den här uppgiften hör inte till något Stegvis-ärende.'));
    } else if (response.status === 401) {
      root.replaceChildren(message('warning', 'Du är inte inloggad längre. Logga in igen.'));
    } else if (response.status === 403) {
      root.replaceChildren(message('warning', 'Du har inte behörighet att se det här ärendet.'));
    } else {
      root.replaceChildren(message('danger', `Kunde inte hämta ärendet (fel ${response.status}). Försök igen om en stund.`));
    }
  }).catch(e => {
    if (e.name !== 'AbortError') {
      root.replaceChildren(message('danger', 'Kunde inte hämta ärendet. Kontrollera anslutningen och försök igen.'));
    }
  });
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
    loadStylesheet();
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
