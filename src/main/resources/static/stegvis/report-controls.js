// Stegvis: the choices above the steering-group report (project, period, exports), shared by the
// Cockpit page "Rapport" and the printable page rapport.html. Plain ES module, no dependencies.

import { apiUrl, call, el, errorMessages } from './stegvis.js';
import { loadReport, renderReport, standardPeriods, workbookUrl } from './report.js';

const CUSTOM = 'custom';

const statusText = error => errorMessages(error, { 403: 'Du har inte behörighet att se rapporten.' });

function option(value, text, selected) {
  const o = el('option', null, text);
  o.value = value;
  o.selected = selected;
  return o;
}

function labelled(text, control) {
  const label = el('label', null, text);
  label.htmlFor = control.id;
  return el('div', 'stegvis-report-field', label, control);
}

/**
 * Builds the controls and the report area in {@code node} and loads the report for the initial
 * choice ({project, from, to}; defaults: all projects, the current year). {@code printUrl} gives
 * the address of the printable page for a query; {@code onChange} hears every new query.
 */
export function mountReport(node, { initial = {}, printUrl, onChange } = {}) {
  const periods = standardPeriods();
  const state = { controller: null, request: 0 };

  const project = el('select', 'form-control input-sm');
  project.id = 'stegvis-report-project';
  project.appendChild(option('', 'Alla insatser', !initial.project));
  const period = el('select', 'form-control input-sm');
  period.id = 'stegvis-report-period';
  const matching = periods.find(p => p.from === initial.from && p.to === initial.to);
  const chosen = initial.from && initial.to ? (matching ? matching.id : CUSTOM) : periods[0].id;
  periods.forEach(p => period.appendChild(option(p.id, p.label, p.id === chosen)));
  period.appendChild(option(CUSTOM, 'Egen period …', chosen === CUSTOM));
  const from = el('input', 'form-control input-sm');
  from.type = 'date';
  from.id = 'stegvis-report-from';
  const to = el('input', 'form-control input-sm');
  to.type = 'date';
  to.id = 'stegvis-report-to';
  const start = periods.find(p => p.id === chosen) || { from: initial.from, to: initial.to };
  from.value = start.from;
  to.value = start.to;
  const customFields = el('div', 'stegvis-report-custom', labelled('Från', from), labelled('Till', to));
  customFields.hidden = chosen !== CUSTOM;

  const show = el('button', 'btn btn-primary btn-sm', 'Visa rapporten');
  show.type = 'submit';
  const workbook = el('a', 'btn btn-default btn-sm stegvis-report-xlsx', 'Exportera till Excel (XLSX)');
  workbook.setAttribute('download', '');
  const print = el('a', 'btn btn-default btn-sm stegvis-report-print', 'Utskriftsversion');
  print.target = '_blank';
  print.rel = 'noopener';

  const status = el('div', 'stegvis-report-status');
  status.setAttribute('role', 'status');
  const content = el('div', 'stegvis-report-content');
  const form = el('form', 'stegvis-report-controls form-inline',
    labelled('Insats', project), labelled('Period', period), customFields, show, workbook,
    printUrl ? print : null);
  node.replaceChildren(form, status, content);

  call(apiUrl('/api/reports/projects')).then(projects => {
    for (const p of projects || []) {
      project.appendChild(option(p.code, p.active ? p.name : `${p.name} (avslutad)`, p.code === initial.project));
    }
    if (initial.project && project.value !== initial.project) {
      project.appendChild(option(initial.project, initial.project, true));
    }
  }).catch(() => {
    if (initial.project) {
      project.appendChild(option(initial.project, initial.project, true));
    }
  });

  period.addEventListener('change', () => {
    customFields.hidden = period.value !== CUSTOM;
    const p = periods.find(x => x.id === period.value);
    if (p) {
      from.value = p.from;
      to.value = p.to;
      load();
    }
  });
  project.addEventListener('change', () => load());
  form.addEventListener('submit', event => {
    event.preventDefault();
    load();
  });

  function query() {
    return { project: project.value, from: from.value, to: to.value };
  }

  function showStatus(kind, lines) {
    status.className = `stegvis-report-status alert alert-${kind}`;
    status.replaceChildren(...lines.map(line => el('div', null, line)));
  }

  async function load() {
    const q = query();
    if (!q.from || !q.to) {
      showStatus('warning', ['Ange både från- och tilldatum.']);
      return;
    }
    const request = ++state.request;
    if (state.controller) {
      state.controller.abort();
    }
    state.controller = new AbortController();
    workbook.href = workbookUrl(q);
    if (printUrl) {
      print.href = printUrl(q);
    }
    if (onChange) {
      onChange(q);
    }
    showStatus('info', ['Tar fram rapporten …']);
    content.classList.add('stegvis-loading');
    try {
      const report = await loadReport(q, state.controller.signal);
      if (request !== state.request) {
        return;
      }
      status.className = 'stegvis-report-status';
      status.replaceChildren();
      renderReport(content, report, { query: q, csvLinks: true });
    } catch (error) {
      if (request === state.request && error.name !== 'AbortError') {
        content.replaceChildren();
        showStatus('danger', statusText(error));
      }
    } finally {
      if (request === state.request) {
        content.classList.remove('stegvis-loading');
      }
    }
  }

  load();
  return () => {
    state.request++;
    if (state.controller) {
      state.controller.abort();
    }
  };
}
