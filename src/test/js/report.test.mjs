// Unit tests of the report module's pure parts (src/main/resources/static/stegvis/report.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

globalThis.document = { cookie: '' };
const report = await import(pathToFileURL(path.join(process.env.STEGVIS_JS_UNDER_TEST, 'stegvis', 'report.js')).href);

test('reportQuery leaves out an empty project and keeps the period', () => {
  assert.equal(report.reportQuery({ project: '', from: '2026-01-01', to: '2026-06-30' }),
    'from=2026-01-01&to=2026-06-30');
  assert.equal(report.reportQuery({ project: 'C2 Lycksele', from: '2026-01-01', to: '2026-12-31' }),
    'project=C2+Lycksele&from=2026-01-01&to=2026-12-31');
});

test('the export addresses carry the same query, the table id encoded', () => {
  const query = { project: 'C2', from: '2026-01-01', to: '2026-03-31' };
  assert.match(report.workbookUrl(query), /\/api\/reports\/steering-group\.xlsx\?project=C2&from=2026-01-01&to=2026-03-31$/);
  assert.match(report.tableCsvUrl(query, 'a/b'), /\/api\/reports\/steering-group\/a%2Fb\.csv\?project=C2&/);
});

test('standardPeriods: whole years and the quarters begun, the current first', () => {
  const december = report.standardPeriods(new Date(2026, 11, 6));
  assert.deepEqual(december[0], { id: '2026', label: 'Helår 2026', from: '2026-01-01', to: '2026-12-31' });
  assert.deepEqual(december[1], { id: '2026-q4', label: 'Kvartal 4 2026', from: '2026-10-01', to: '2026-12-31' });
  assert.equal(december.length, 15, 'three years, each with four quarters');
  const february = report.standardPeriods(new Date(2024, 1, 10));
  assert.deepEqual(february.slice(0, 2).map(p => p.id), ['2024', '2024-q1'], 'quarters not begun are left out');
  assert.equal(february[1].to, '2024-03-31');
  assert.ok(february.some(p => p.id === '2023-q1' && p.to === '2023-03-31'));
});

test('formatValue writes figures the Swedish way and a dash for nothing', () => {
  assert.equal(report.formatValue(null, 'count'), '–');
  assert.equal(report.formatValue('', 'count'), '–');
  assert.equal(report.formatValue(1234, 'count'), '1\u00a0234');
  assert.equal(report.formatValue(12.5, 'percent'), '12,5 %');
  assert.equal(report.formatValue(3.25, 'number'), '3,3');
  assert.equal(report.formatValue('Lycksele', 'text'), 'Lycksele');
});
