// Stegvis: the steering-group report, drawn from GET /api/reports/steering-group (every table in
// one generic shape: columns with a type, rows keyed by column, an optional chart hint). Used by
// the Cockpit page "Rapport" and the printable page rapport.html, so both show the same thing.
// Plain ES module, no dependencies. Everything from the server goes into the page as text.

import { apiUrl, call, el } from './stegvis.js';

const SVG = 'http://www.w3.org/2000/svg';
const whole = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOneDecimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

// Series colours, distinguishable in grey print too (light to dark).
// Colours that mean something mean it everywhere: met in the green family, late in amber, missed in
// the red family, open in blue; the legend and each bar's title always say it in words too.
const MEANING = { met: '#2e7d32', metLate: '#b26a00', missed: '#c62828', open: '#1f5f8b' };
const COLOURS = ['#1f5f8b', '#e39a2d', '#5b9b4a', '#8c5ba8', '#c4473e', '#4aa3b5', '#7d7d7d', '#b8a23a'];

/** The query string of a report: project (empty for all) and period. */
export function reportQuery({ project, from, to }) {
  const params = new URLSearchParams();
  if (project) {
    params.set('project', project);
  }
  params.set('from', from);
  params.set('to', to);
  return params.toString();
}

export function loadReport(query, signal) {
  return call(`${apiUrl('/api/reports/steering-group')}?${reportQuery(query)}`, { signal });
}

export function workbookUrl(query) {
  return `${apiUrl('/api/reports/steering-group.xlsx')}?${reportQuery(query)}`;
}

export function tableCsvUrl(query, tableId) {
  return `${apiUrl(`/api/reports/steering-group/${encodeURIComponent(tableId)}.csv`)}?${reportQuery(query)}`;
}

/** A value as Swedish text for its column type; an absent value is a dash. */
export function formatValue(value, type) {
  if (value === null || value === undefined || value === '') {
    return '–';
  }
  if (typeof value !== 'number') {
    return String(value);
  }
  switch (type) {
    case 'count': return whole.format(value);
    case 'percent': return `${oneDecimal.format(value)} %`;
    default: return upToOneDecimal.format(value);
  }
}

/** Periods a steering group asks for: whole years and their quarters, the current one first. */
export function standardPeriods(today = new Date()) {
  const year = today.getFullYear();
  const periods = [];
  for (let y = year; y >= year - 2; y--) {
    periods.push({ id: `${y}`, label: `Helår ${y}`, from: `${y}-01-01`, to: `${y}-12-31` });
    for (let q = 4; q >= 1; q--) {
      const firstMonth = (q - 1) * 3;
      if (y === year && firstMonth > today.getMonth()) {
        continue;
      }
      const lastDay = new Date(Date.UTC(y, firstMonth + 3, 0)).getUTCDate();
      const pad = n => String(n).padStart(2, '0');
      periods.push({
        id: `${y}-q${q}`, label: `Kvartal ${q} ${y}`,
        from: `${y}-${pad(firstMonth + 1)}-01`, to: `${y}-${pad(firstMonth + 3)}-${pad(lastDay)}`
      });
    }
  }
  return periods;
}

/**
 * Draws the report into the container: a heading with project and period, then every table with
 * its description, its chart (if it has a hint) and its figures. {@code csvLinks} adds a CSV link
 * per table.
 */
export function renderReport(container, report, { query, csvLinks = false } = {}) {
  const generated = report.generatedAt
    ? new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' })
      .format(new Date(report.generatedAt)) : '';
  const sections = (report.tables || []).map(table => tableSection(table, query, csvLinks));
  container.replaceChildren(
    el('div', 'stegvis-report-heading',
      el('h2', null, `${report.projectName || 'Alla insatser'}, ${report.from} – ${report.to}`),
      el('p', 'stegvis-report-generated',
        `Framtagen ${generated} direkt ur ärendena i Stegvis. Bara ärenden du har behörighet till räknas.`)),
    el('nav', 'stegvis-report-contents', el('h3', null, 'Innehåll'),
      el('ol', null, ...(report.tables || []).map(t => {
        const link = el('a', null, t.title);
        link.href = `#stegvis-table-${t.id}`;
        link.addEventListener('click', event => {
          event.preventDefault();
          const target = container.querySelector(`[data-table="${t.id}"]`);
          if (target) {
            target.scrollIntoView({ behavior: 'smooth', block: 'start' });
          }
        });
        return el('li', null, link);
      }))),
    ...sections);
}

function tableSection(table, query, csvLinks) {
  const section = el('section', 'stegvis-report-table');
  section.dataset.table = table.id;
  section.id = `stegvis-table-${table.id}`;
  const heading = el('div', 'stegvis-report-table-heading', el('h3', null, table.title));
  if (csvLinks && query) {
    const csv = el('a', 'stegvis-report-csv', 'CSV');
    csv.href = tableCsvUrl(query, table.id);
    csv.setAttribute('download', '');
    csv.title = `Ladda ner tabellen "${table.title}" som CSV för Excel`;
    heading.appendChild(csv);
  }
  section.appendChild(heading);
  if (table.description) {
    section.appendChild(el('p', 'stegvis-report-description', table.description));
  }
  const rows = table.rows || [];
  if (rows.length === 0) {
    section.appendChild(el('p', 'stegvis-report-empty', 'Inga uppgifter för vald insats och period.'));
    return section;
  }
  const chart = table.chart ? barChart(table) : null;
  if (chart) {
    section.appendChild(chart);
  }
  section.appendChild(figures(table));
  return section;
}

function figures(table) {
  const columns = table.columns || [];
  const head = el('tr', null, ...columns.map(c => {
    const th = el('th', c.type === 'text' ? null : 'number', c.label);
    th.scope = 'col';
    return th;
  }));
  const body = el('tbody', null, ...(table.rows || []).map(row => el('tr', isTotal(row, columns) ? 'total' : null,
    ...columns.map((c, i) => {
      const cell = el(i === 0 ? 'th' : 'td', c.type === 'text' ? null : 'number', formatValue(row[c.key], c.type));
      if (i === 0) {
        cell.scope = 'row';
      }
      return cell;
    }))));
  // The box scrolls a wide table: focusable, so the keyboard scrolls it too, and named by the table.
  const box = el('div', 'stegvis-report-figures', el('table', 'stegvis-report-grid', el('thead', null, head), body));
  box.tabIndex = 0;
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', `Tabell: ${table.title}`);
  return box;
}

function isTotal(row, columns) {
  return columns.length > 0 && row[columns[0].key] === 'Totalt';
}

/** A horizontal bar chart (grouped, or stacked for "stackedBar") of the hinted columns, totals left out. */
function barChart(table) {
  const { labelKey, valueKeys, type } = table.chart;
  const columns = table.columns || [];
  const series = (valueKeys || []).map(key => columns.find(c => c.key === key)).filter(Boolean);
  const rows = (table.rows || []).filter(row => !isTotal(row, columns));
  if (series.length === 0 || rows.length === 0) {
    return null;
  }
  const stacked = type === 'stackedBar';
  const value = (row, key) => (typeof row[key] === 'number' ? row[key] : 0);
  const max = Math.max(1, ...rows.map(row => (stacked
    ? series.reduce((sum, s) => sum + value(row, s.key), 0)
    : Math.max(...series.map(s => value(row, s.key))))));
  const isPercent = series.every(s => s.type === 'percent');
  const scale = isPercent ? Math.max(100, max) : max;

  const labelWidth = 190;
  const barArea = 420;
  const barHeight = 14;
  const rowHeight = stacked ? 24 : series.length * barHeight + 10;
  const height = rows.length * rowHeight + 10;
  const svg = svgNode('svg', { viewBox: `0 0 ${labelWidth + barArea + 60} ${height}`, role: 'img',
    class: 'stegvis-report-chart' });
  svg.appendChild(svgNode('title', {}, `Diagram: ${table.title}`));
  rows.forEach((row, r) => {
    const y = r * rowHeight + 5;
    svg.appendChild(svgNode('text', { x: labelWidth - 8, y: y + rowHeight / 2, 'text-anchor': 'end',
      'dominant-baseline': 'middle', class: 'label' }, shorten(String(row[labelKey] ?? ''), 30)));
    let x = labelWidth;
    series.forEach((s, i) => {
      const v = value(row, s.key);
      const width = (v / scale) * barArea;
      const barY = stacked ? y + 3 : y + i * barHeight;
      const rect = svgNode('rect', { x, y: barY, width: Math.max(0, width), height: barHeight - 2,
        fill: colour(s, i) });
      rect.appendChild(svgNode('title', {}, `${row[labelKey]}, ${s.label}: ${formatValue(row[s.key], s.type)}`));
      svg.appendChild(rect);
      if (!stacked && v > 0) {
        svg.appendChild(svgNode('text', { x: x + width + 4, y: barY + (barHeight - 2) / 2,
          'dominant-baseline': 'middle', class: 'value' }, formatValue(row[s.key], s.type)));
      }
      if (stacked) {
        x += width;
      }
    });
    if (stacked) {
      const total = series.reduce((sum, s) => sum + value(row, s.key), 0);
      svg.appendChild(svgNode('text', { x: x + 4, y: y + 3 + (barHeight - 2) / 2, 'dominant-baseline': 'middle',
        class: 'value' }, formatValue(total, series[0].type)));
    }
  });
  const legend = el('ul', 'stegvis-report-legend', ...series.map((s, i) => {
    const swatch = el('span', 'swatch');
    swatch.style.background = colour(s, i);
    return el('li', null, swatch, s.label);
  }));
  return el('figure', 'stegvis-report-chart-figure', svg, legend);
}

function colour(column, i) {
  return MEANING[column.key] || COLOURS[i % COLOURS.length];
}

function svgNode(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function shorten(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
