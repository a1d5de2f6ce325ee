// Unit tests of what "Mina deltagare" asks and says (src/main/resources/static/stegvis/caseload.js),
// run with `node --test` by JavaScriptUnitTest (./mvnw verify) on a copy of the pages' folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const root = process.env.STEGVIS_JS_UNDER_TEST;
assert.ok(root, 'STEGVIS_JS_UNDER_TEST names the copied static folder');
const { PAGE_SIZE, coachHeading, listUrl, moreText, pageQuery, summaryText } =
  await import(pathToFileURL(path.join(root, 'stegvis', 'caseload.js')).href);

const API = new URL('https://stegvis.example/api/');

test('a caseload is asked for a page at a time, with the filters and the sort', () => {
  const url = listUrl(API, { q: '', status: 'open', due: 'late', coach: 'anna', sort: 'nextDue', order: 'desc' }, 200);
  assert.equal(url.pathname, '/api/caseload');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    status: 'open', due: 'late', sort: 'nextDue', order: 'desc', coach: 'anna', offset: '200', limit: String(PAGE_SIZE)
  });
});

test('no sort chosen: the server\'s order (a manager\'s by coach), no coach filter, from the start', () => {
  const url = listUrl(API, { q: '', status: 'exited', due: '', coach: '', sort: null, order: 'asc' });
  assert.deepEqual(Object.fromEntries(url.searchParams), { status: 'exited', offset: '0', limit: String(PAGE_SIZE) });
});

test('a search text asks the search, which answers all its hits at once', () => {
  const url = listUrl(API, { q: 'åsa östlund', status: 'all', due: 'week', coach: 'anna', sort: 'name', order: 'asc' }, 100);
  assert.equal(url.pathname, '/api/cases');
  assert.deepEqual(Object.fromEntries(url.searchParams),
    { status: 'all', due: 'week', sort: 'name', order: 'asc', q: 'åsa östlund' });
});

test('the page address keeps the choices, not the page', () => {
  assert.equal(pageQuery({ q: '', status: 'open', due: '', coach: '', sort: null, order: 'asc' }), '?status=open');
  assert.equal(pageQuery({ q: 'asa', status: 'all', due: 'late', coach: 'anna', sort: 'coach', order: 'desc' }),
    '?status=all&q=asa&due=late&coach=anna&sort=coach&order=desc');
});

test('the summary counts the whole list and says how much is shown', () => {
  assert.equal(summaryText({ total: 1, late: 0, shown: 1 }), '1 deltagare.');
  assert.equal(summaryText({ total: 812, late: 30, shown: 100 }), '812 deltagare, varav 30 med försenat steg. Visar 1–100.');
  assert.equal(summaryText({ total: 0, late: 0, shown: 0 }), '0 deltagare.');
  assert.equal(moreText(812, 100), 'Visa fler (712 kvar)');
});

test('a coach heading names the coach, her cases and the late ones', () => {
  assert.equal(coachHeading({ coachName: 'Anna Coach', cases: 12, late: 3 }), 'Anna Coach: 12 deltagare, 3 försenade');
  assert.equal(coachHeading({ coachName: 'Anna Coach', cases: 1, late: 1 }), 'Anna Coach: 1 deltagare, 1 försenad');
  assert.equal(coachHeading({ coachName: null, cases: 2, late: 0 }), 'Ingen coach ännu: 2 deltagare');
  assert.equal(coachHeading(undefined), 'Ingen coach ännu');
});
