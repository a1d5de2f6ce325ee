// Stegvis: what every page and webapp plugin of Stegvis shares. Plain ES module, served at
// <context path>/stegvis/stegvis.js; the Tasklist and Cockpit plugins import it from there.
// Everything that comes from the server is put into the page as text (textContent), never as HTML.

// The application's API lives at <context path>/api, beside this folder.
export function apiUrl(path) {
  return new URL(`..${path}`, import.meta.url).href;
}

// The webapps' own API (user, groups) at <context path>/camunda/api.
const CAMUNDA_API = new URL('../camunda/api/', import.meta.url);

/** A refused API call: its HTTP status and the problem details (RFC 9457) the server sent. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? String(problem.detail) : `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The server's Swedish messages: the list of a 400, else the detail, else the caller's text for the status. */
  messages(byStatus) {
    const errors = Array.isArray(this.problem.errors)
      ? this.problem.errors.filter(e => typeof e === 'string' && e.trim()) : [];
    if (errors.length) {
      return errors;
    }
    if (typeof this.problem.detail === 'string' && this.problem.detail.trim()) {
      return [this.problem.detail];
    }
    return [byStatus(this.status)];
  }
}

/**
 * Calls a JSON API on the same origin with the webapp session: the answer's JSON, or an ApiError.
 * "X-Requested-With" keeps an expired session from opening the browser's login dialog.
 */
export async function call(url, { method = 'GET', body, signal } = {}) {
  const send = async () => {
    const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (method !== 'GET') {
      Object.assign(headers, await csrfHeaders());
    }
    return fetch(url, {
      method, headers, signal, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  };
  let response = await send();
  if (response.status === 403 && method !== 'GET' && await refusedForCsrf(response)) {
    // The session changed since the token was read (a new login): read it anew, once. The server
    // hands this page the session's token with every answer under /stegvis.
    csrfToken = null;
    await fetch(new URL('stegvis.js', import.meta.url), { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' })
      .catch(() => null);
    response = await send();
  }
  keepCsrfToken(response);
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

let csrfToken = null;

async function refusedForCsrf(response) {
  const problem = await response.clone().json().catch(() => null);
  return Boolean(problem && /X-XSRF-TOKEN/.test(String(problem.detail || '')));
}

/** Camunda's API names a session's CSRF token in a header of the answer that made it. */
function keepCsrfToken(response) {
  const token = response.headers.get('X-XSRF-TOKEN');
  if (token && token !== 'Required') {
    csrfToken = token;
  }
}

/**
 * The header a write by webapp session must carry: the session's CSRF token. Its cookie (the
 * webapps' own under /camunda, or the copy the server gives our pages under /stegvis); before the
 * session has one, the answer of the webapps' API that made it names it.
 */
export async function csrfHeaders() {
  if (!csrfToken) {
    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    if (cookie) {
      return { 'X-XSRF-TOKEN': decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) };
    }
    const response = await fetch(new URL('admin/auth/user/default', CAMUNDA_API), {
      credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    }).catch(() => null);
    if (response) {
      keepCsrfToken(response);
    }
  }
  return csrfToken ? { 'X-XSRF-TOKEN': csrfToken } : {};
}

let user = null;

/**
 * The logged-in user of the webapps, read once per page: { userId, name, groups } (groups null
 * when they cannot be read); null when nobody is logged in.
 */
export function currentUser() {
  if (!user) {
    user = readUser();
    user.catch(() => {
      user = null; // try again next time
    });
  }
  return user;
}

async function readUser() {
  const auth = await call(new URL('admin/auth/user/default', CAMUNDA_API));
  const userId = auth && auth.userId;
  if (!userId) {
    return null;
  }
  const engine = new URL('engine/engine/default/', CAMUNDA_API);
  const [groups, profile] = await Promise.allSettled([
    call(new URL(`group?member=${encodeURIComponent(userId)}`, engine)),
    call(new URL(`user/${encodeURIComponent(userId)}/profile`, engine))
  ]);
  const name = profile.status === 'fulfilled' && profile.value
    ? [profile.value.firstName, profile.value.lastName].filter(Boolean).join(' ') : '';
  return {
    userId,
    name: name || userId,
    groups: groups.status === 'fulfilled' && Array.isArray(groups.value) ? groups.value.map(g => g.id) : null
  };
}

export const NETWORK_MESSAGE = 'Kunde inte nå Stegvis. Kontrollera anslutningen och försök igen.';

// Swedish words for a refused call's status, where the server said nothing a user can read.
const STATUS_WORDS = {
  401: 'Du är inte inloggad längre. Logga in igen.',
  403: 'Du har inte behörighet att göra det här.',
  404: 'Det finns inte, eller så har du inte behörighet att se det.',
  409: 'Någon annan har ändrat uppgifterna samtidigt. Läs in dem igen och gör om ändringen.',
  413: 'Det du skickade är för stort.',
  429: 'För många försök på kort tid. Vänta en stund och försök igen.',
  503: 'Stegvis är inte tillgängligt just nu. Försök igen om en stund.'
};

/**
 * What went wrong, in Swedish, as a list: the server's own messages (a 400's list, a problem's
 * detail), else words for the status (a page may word a status itself: { 403: '…' }); a call that
 * got no answer says so. An expired login always gets the same words, whatever the server said.
 */
export function errorMessages(error, words = {}) {
  if (!(error instanceof ApiError)) {
    return [NETWORK_MESSAGE];
  }
  if (error.status === 401) {
    return [words[401] || STATUS_WORDS[401]];
  }
  return error.messages(status => words[status] || STATUS_WORDS[status]
    || `Något gick fel hos servern (fel ${status}). Försök igen om en stund.`);
}

/** For an expired login on a Stegvis page: a link to log in in Tasklist and come back to `page`. */
export function loginHint(page) {
  const login = el('a', null, 'Logga in i Tasklist');
  login.href = new URL('../camunda/app/tasklist/', import.meta.url).href;
  return el('span', null, 'Du är inte inloggad, eller så har inloggningen gått ut. ', login,
    ` och öppna sedan ${page} igen.`);
}

/** A page's failure line: "what: the messages", or the login hint when the login has expired. */
export function failureMessage(error, what, { page, words } = {}) {
  if (page && error instanceof ApiError && error.status === 401) {
    return loginHint(page);
  }
  return `${what}: ${errorMessages(error, words).join(' ')}`;
}

/**
 * The message at the top of a Stegvis page (#page-message): kind is muted, info, success, warning
 * or danger; content a text or an element; none hides it.
 */
export function showPageMessage(kind, content) {
  const box = document.getElementById('page-message');
  box.className = content ? `message message-${kind}` : 'message';
  box.replaceChildren(typeof content === 'string' ? document.createTextNode(content) : content || '');
  box.hidden = !content;
}

export function el(tag, className, ...children) {
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

// A plugin's stylesheet, added to the webapp's page once.
export function loadStylesheet(href, key) {
  if (!document.querySelector(`link[data-stegvis="${key}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.setAttribute('data-stegvis', key);
    document.head.appendChild(link);
  }
}

/** When a step is due, in words: "Försenad sedan 3 dagar", "Förfaller i dag", "Förfaller om 2 dagar". */
export function dueInWords(days) {
  if (days === null || days === undefined || Number.isNaN(Number(days))) {
    return '';
  }
  const n = Math.abs(Number(days));
  const unit = n === 1 ? 'dag' : 'dagar';
  if (days < 0) {
    return `Försenad sedan ${n} ${unit}`;
  }
  return days === 0 ? 'Förfaller i dag' : `Förfaller om ${n} ${unit}`;
}

/** The CSS class of a due step: late (red), due within 7 days (amber), or later. */
export function dueClass(days) {
  if (days === null || days === undefined) {
    return 'due';
  }
  return days < 0 ? 'due due-late' : days <= 7 ? 'due due-soon' : 'due';
}

/** The case page of a case: <context path>/stegvis/arende.html?case=<number>. */
export function caseUrl(caseNumber) {
  return new URL(`arende.html?case=${encodeURIComponent(caseNumber)}`, import.meta.url).href;
}
