// Unit tests of the shared page and plugin helper (src/main/resources/static/stegvis/stegvis.js),
// run with `node --test` by JavaScriptUnitTest (./mvnw verify) on a copy of the pages' folder.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const root = process.env.STEGVIS_JS_UNDER_TEST;
assert.ok(root, 'STEGVIS_JS_UNDER_TEST names the copied static folder');

// The few browser globals stegvis.js reads, and a DOM just big enough for el().
globalThis.document = {
  cookie: '',
  createElement: tag => ({ tag, className: '', children: [], appendChild(child) { this.children.push(child); return child; } }),
  createTextNode: text => ({ text })
};
const textOf = node => node.text !== undefined ? node.text : node.children.map(textOf).join('');
const calls = [];
let answers = [];
globalThis.fetch = async (url, options = {}) => {
  calls.push({ url: String(url), options });
  const next = answers.shift();
  assert.ok(next, `an answer is prepared for ${options.method || 'GET'} ${url}`);
  return typeof next === 'function' ? next() : next;
};

function answer(status, body, headers = {}) {
  const all = new Headers({ 'Content-Type': 'application/json', ...headers });
  const text = body === undefined ? '' : JSON.stringify(body);
  return new Response(status === 204 ? null : text, { status, headers: all });
}

const stegvis = await import(pathToFileURL(path.join(root, 'stegvis', 'stegvis.js')).href);

beforeEach(() => {
  calls.length = 0;
  answers = [];
  globalThis.document.cookie = '';
});

test('dueInWords says when a step is due in Swedish, singular and plural', () => {
  assert.equal(stegvis.dueInWords(-3), 'Försenad sedan 3 dagar');
  assert.equal(stegvis.dueInWords(-1), 'Försenad sedan 1 dag');
  assert.equal(stegvis.dueInWords(0), 'Förfaller i dag');
  assert.equal(stegvis.dueInWords(1), 'Förfaller om 1 dag');
  assert.equal(stegvis.dueInWords(14), 'Förfaller om 14 dagar');
  assert.equal(stegvis.dueInWords(null), '');
  assert.equal(stegvis.dueInWords(undefined), '');
  assert.equal(stegvis.dueInWords('x'), '');
});

test('dueClass marks late, due within a week, and later', () => {
  assert.equal(stegvis.dueClass(-1), 'due due-late');
  assert.equal(stegvis.dueClass(0), 'due due-soon');
  assert.equal(stegvis.dueClass(7), 'due due-soon');
  assert.equal(stegvis.dueClass(8), 'due');
  assert.equal(stegvis.dueClass(null), 'due');
});

test('apiUrl and caseUrl stay beside the pages and encode the case number', () => {
  assert.match(stegvis.apiUrl('/api/cases'), /\/api\/cases$/);
  assert.doesNotMatch(stegvis.apiUrl('/api/cases'), /\/stegvis\/api/);
  assert.match(stegvis.caseUrl('C2-2026/7'), /\/stegvis\/arende\.html\?case=C2-2026%2F7$/);
});

test('ApiError.messages: the list of a 400, else the detail, else the caller\'s text for the status', () => {
  const list = new stegvis.ApiError(400, { detail: 'Fel', errors: ['Datum saknas.', ' ', 7, 'Namn saknas.'] });
  assert.deepEqual(list.messages(() => 'x'), ['Datum saknas.', 'Namn saknas.']);
  assert.equal(list.status, 400);
  assert.equal(list.message, 'Fel');
  assert.deepEqual(new stegvis.ApiError(409, { detail: 'Någon annan har ändrat.' }).messages(() => 'x'),
    ['Någon annan har ändrat.']);
  assert.deepEqual(new stegvis.ApiError(503, null).messages(s => `status ${s}`), ['status 503']);
});

test('call reads JSON with the session and throws an ApiError with the problem on refusal', async () => {
  answers.push(answer(200, { cases: [1, 2] }));
  assert.deepEqual(await stegvis.call('https://x/api/cases'), { cases: [1, 2] });
  assert.equal(calls[0].options.credentials, 'same-origin');
  assert.equal(calls[0].options.headers['X-Requested-With'], 'XMLHttpRequest');
  assert.equal(calls[0].options.method, 'GET');

  answers.push(answer(404, { title: 'Finns inte', detail: 'Ärendet finns inte.' }));
  await assert.rejects(stegvis.call('https://x/api/cases/9'), e => e instanceof stegvis.ApiError
    && e.status === 404 && e.problem.detail === 'Ärendet finns inte.');
});

test('a write carries the session\'s CSRF token from the cookie, and its body as JSON', async () => {
  globalThis.document.cookie = 'other=1; XSRF-TOKEN=abc%3D%3D';
  answers.push(answer(201, { id: 5 }));
  assert.deepEqual(await stegvis.call('https://x/api/journal', { method: 'POST', body: { text: 'Åsa' } }), { id: 5 });
  assert.equal(calls[0].options.headers['X-XSRF-TOKEN'], 'abc==');
  assert.equal(calls[0].options.headers['Content-Type'], 'application/json');
  assert.equal(calls[0].options.body, JSON.stringify({ text: 'Åsa' }));
});

test('a write refused for its CSRF token gets a fresh token and is sent again, once', async () => {
  globalThis.document.cookie = 'XSRF-TOKEN=old'; // a token of a session that has since been replaced
  answers.push(answer(403, { detail: 'CSRF: missing or wrong X-XSRF-TOKEN header' }));
  answers.push(() => { // the HEAD under /stegvis: the server sets the session's token in the pages' cookie
    globalThis.document.cookie = 'XSRF-TOKEN=fresh';
    return answer(200);
  });
  answers.push(answer(403, { detail: 'CSRF: missing or wrong X-XSRF-TOKEN header' }));
  await assert.rejects(stegvis.call('https://x/api/journal', { method: 'POST', body: {} }),
    e => e.status === 403);
  const writes = calls.filter(c => c.options.method === 'POST');
  assert.equal(writes.length, 2, 'sent twice, not more');
  assert.equal(calls[1].options.method, 'HEAD');
  assert.match(calls[1].url, /\/stegvis\/stegvis\.js$/);
  assert.equal(writes[0].options.headers['X-XSRF-TOKEN'], 'old');
  assert.equal(writes[1].options.headers['X-XSRF-TOKEN'], 'fresh');
});

test('a refusal for another reason is not sent again', async () => {
  globalThis.document.cookie = 'XSRF-TOKEN=t';
  answers.push(answer(403, { detail: 'Du har inte behörighet till ärendet.' }));
  await assert.rejects(stegvis.call('https://x/api/journal', { method: 'DELETE' }), e => e.status === 403);
  assert.equal(calls.length, 1);
});

test('errorMessages: the server\'s Swedish messages first, a page\'s own words for a status, then general ones', () => {
  const refused = new stegvis.ApiError(400, { detail: 'x', errors: ['Startdatum saknas.'] });
  assert.deepEqual(stegvis.errorMessages(refused), ['Startdatum saknas.']);
  assert.deepEqual(stegvis.errorMessages(new stegvis.ApiError(403, null), { 403: 'Bara chefer ser loggen.' }),
    ['Bara chefer ser loggen.']);
  assert.deepEqual(stegvis.errorMessages(new stegvis.ApiError(403, {})), ['Du har inte behörighet att göra det här.']);
  assert.deepEqual(stegvis.errorMessages(new stegvis.ApiError(409, {})),
    ['Någon annan har ändrat uppgifterna samtidigt. Läs in dem igen och gör om ändringen.']);
  assert.deepEqual(stegvis.errorMessages(new stegvis.ApiError(502, null)),
    ['Något gick fel hos servern (fel 502). Försök igen om en stund.']);
  assert.deepEqual(stegvis.errorMessages(new TypeError('Failed to fetch')), [stegvis.NETWORK_MESSAGE]);
});

test('an expired login gets the same Swedish words whatever the server said', () => {
  const expired = new stegvis.ApiError(401, { detail: 'Full authentication is required' });
  assert.deepEqual(stegvis.errorMessages(expired), ['Du är inte inloggad längre. Logga in igen.']);
  assert.deepEqual(stegvis.errorMessages(expired, { 401: 'Logga in i Cockpit först.' }), ['Logga in i Cockpit först.']);
});

test('failureMessage: "what: why", and for an expired login a link to log in and come back', () => {
  assert.equal(stegvis.failureMessage(new stegvis.ApiError(404, {}), 'Ärendet kunde inte visas', { page: 'ärendet' }),
    'Ärendet kunde inte visas: Det finns inte, eller så har du inte behörighet att se det.');
  const hint = stegvis.failureMessage(new stegvis.ApiError(401, {}), 'Ärendet kunde inte visas', { page: 'ärendet' });
  assert.equal(textOf(hint),
    'Du är inte inloggad, eller så har inloggningen gått ut. Logga in i Tasklist och öppna sedan ärendet igen.');
  const link = hint.children.find(c => c.tag === 'a');
  assert.match(link.href, /\/camunda\/app\/tasklist\/$/);
  assert.equal(stegvis.failureMessage(new stegvis.ApiError(401, {}), 'Sparat'), 'Sparat: Du är inte inloggad längre. Logga in igen.');
});

test('el puts text in as text, leaves out empty children', () => {
  const node = stegvis.el('p', 'message', 'Hej ', null, false, undefined, 3, stegvis.el('b', null, '<b>'));
  assert.equal(node.className, 'message');
  assert.equal(textOf(node), 'Hej 3<b>');
  assert.equal(node.children.length, 3);
});
