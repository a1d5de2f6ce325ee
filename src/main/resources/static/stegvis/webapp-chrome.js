// Stegvis: what Tasklist, Cockpit and Admin share around their pages, loaded by each webapp's
// scripts/config.js (customScripts '../../../stegvis/webapp-chrome.js'). Plain ES module, no build step.
//
// - The page declares Swedish (the webapps' index.html says lang="en").
// - webapp-chrome.css: the vendor's end-of-life banner hidden, toasts kept clear of the form's
//   buttons, focus always visible.
// - Camunda Forms speak Swedish: form-js writes its validation messages and list texts in English
//   and has no translation hook in Camunda 7, so known texts are replaced where they appear; its
//   date picker (flatpickr) gets Swedish month and day names and weeks that start on Monday.
// - A refused form's messages under their fields (the server's problem details name them), and no
//   exception class, engine code or id in a toast.
// - With single sign-on, "Log out" goes on to the identity provider's logout (X-Stegvis-Logout).
// - The task header's due and follow-up dates are read-only: the process model sets them.
// - Accessible names for the chrome's icon-only buttons and links, and no aria-* attribute on an
//   element whose role does not allow it (axe: button-name, link-name, aria-allowed-attr).

import { loadStylesheet } from './stegvis.js';

const STYLESHEET = new URL('webapp-chrome.css', import.meta.url).pathname;

// form-js texts (validation messages, select and search placeholders) and their Swedish.
const FORM_TEXTS = [
  [/^Field is required\.$/, () => 'Fältet måste fyllas i.'],
  [/^Field must have minimum length of (\d+)\.$/, n => `Skriv minst ${n} tecken.`],
  [/^Field must have maximum length of (\d+)\.$/, n => `Skriv högst ${n} tecken.`],
  [/^Field must have minimum value of (.+)\.$/, n => `Värdet måste vara minst ${n}.`],
  [/^Field must have maximum value of (.+)\.$/, n => `Värdet får vara högst ${n}.`],
  [/^Field must match pattern .*$/, () => 'Värdet har inte rätt form.'],
  [/^Field must be a valid email\.$/, () => 'Skriv en giltig e-postadress.'],
  [/^Field must be a valid\s+international phone number\..*$/, () => 'Skriv ett giltigt telefonnummer med landsnummer (t.ex. +46 950 123 45).'],
  [/^Select$/, () => 'Välj'],
  [/^Search$/, () => 'Sök'],
  [/^No results$/, () => 'Inga träffar'],
  [/^Date$/, () => 'Datum'],
  [/^Time$/, () => 'Tid']
];

export function swedishFormText(text) {
  const trimmed = text.trim();
  for (const [pattern, swedish] of FORM_TEXTS) {
    const match = pattern.exec(trimmed);
    if (match) {
      return swedish(...match.slice(1));
    }
  }
  return null;
}

// flatpickr's locale: weekdays from Sunday, as flatpickr counts them.
export const CALENDAR = {
  weekdays: {
    shorthand: ['sön', 'mån', 'tis', 'ons', 'tor', 'fre', 'lör'],
    longhand: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag']
  },
  months: {
    shorthand: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    longhand: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september',
      'oktober', 'november', 'december']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' till ',
  weekAbbreviation: 'v.',
  scrollTitle: 'Scrolla för att ändra',
  toggleTitle: 'Klicka för att växla',
  yearAriaLabel: 'År',
  monthAriaLabel: 'Månad',
  hourAriaLabel: 'Timme',
  minuteAriaLabel: 'Minut',
  time_24hr: true,
  ordinal: () => '.'
};

function translateForms(root) {
  for (const container of root.querySelectorAll('.fjs-container')) {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const swedish = node.nodeValue.trim() && swedishFormText(node.nodeValue);
      if (swedish) {
        node.nodeValue = swedish;
      }
    }
    for (const input of container.querySelectorAll('input[placeholder]')) {
      const swedish = swedishFormText(input.placeholder);
      if (swedish) {
        input.placeholder = swedish;
      }
    }
    for (const input of container.querySelectorAll('input.flatpickr-input')) {
      const picker = input._flatpickr;
      if (picker && picker.l10n && picker.l10n.firstDayOfWeek !== 1) {
        picker.set('locale', CALENDAR);
      }
    }
  }
}

// Names for the chrome's icon-only controls, from their title or a known purpose.
const NAMES = [
  ['.navbar-toggle', 'Visa eller dölj menyn'],
  ['a.navbar-brand', 'Startsidan'],
  ['.user-account > a, .account > a', 'Mitt konto'],
  ['.engine-select > a, .engine-select > button', 'Välj motor'],
  ['button.region-toggle[data-region="filters"]', 'Visa eller dölj filtren'],
  ['button.region-toggle[data-region="list"]', 'Visa eller dölj listan'],
  ['button.region-toggle[data-region="task"]', 'Visa eller dölj uppgiften'],
  ['button.maximize', 'Förstora eller återställ uppgiften'],
  ['button.reset-regions', 'Återställ uppdelningen av sidan'],
  ['.stored-criteria > button', 'Sparade sökningar'],
  ['.new-sort > .dropdown-toggle', 'Lägg till sortering'],
  ['.app-switch > .dropdown-toggle', 'Byt webbapp'],
  ['[cam-widget-search] .glyphicon-remove, .search-container .btn .glyphicon-remove', 'Töm sökningen']
];

function accessibleName(element) {
  return Boolean(element.getAttribute('aria-label') || element.getAttribute('aria-labelledby')
    || element.innerText.trim() || element.querySelector('img[alt]:not([alt=""])'));
}

function nameControls(root) {
  for (const [selector, name] of NAMES) {
    for (const element of root.querySelectorAll(selector)) {
      const control = element.closest('a, button') || element;
      if (!accessibleName(control)) {
        control.setAttribute('aria-label', name);
      }
    }
  }
  for (const control of root.querySelectorAll('a[href], button, a[ng-click]')) {
    if (!accessibleName(control)) {
      const title = control.getAttribute('title') || control.getAttribute('uib-tooltip')
        || control.getAttribute('tooltip');
      if (title && title.trim()) {
        control.setAttribute('aria-label', title.trim());
      } else if (control.tagName === 'A' && control.offsetParent === null) {
        // An empty link kept in the DOM while hidden: out of the tab order and the accessibility tree.
        control.setAttribute('tabindex', '-1');
        control.setAttribute('aria-hidden', 'true');
      }
    }
  }
  // The search widgets' typeahead field says aria-expanded: it is a combobox.
  for (const input of root.querySelectorAll('input[uib-typeahead]:not([role])')) {
    input.setAttribute('role', 'combobox');
  }
  // aria-expanded/aria-haspopup on plain list items and spans (no widget role): move them to the
  // control inside, or drop them where there is none.
  for (const element of root.querySelectorAll('li[aria-expanded], li[aria-haspopup], span[aria-expanded], div[aria-expanded]:not([role])')) {
    if (element.getAttribute('role')) {
      continue;
    }
    const control = element.querySelector('a, button');
    for (const attribute of ['aria-expanded', 'aria-haspopup']) {
      if (element.hasAttribute(attribute)) {
        if (control && !control.hasAttribute(attribute)) {
          control.setAttribute(attribute, element.getAttribute(attribute));
        }
        element.removeAttribute(attribute);
      }
    }
  }
}

// The task header's dates are read-only (see webapp-chrome.css): out of the tab order too.
function readOnlyTaskDates(root) {
  for (const field of root.querySelectorAll('.task-details .meta.dates [cam-widget-inline-field][tabindex="0"]')) {
    field.setAttribute('tabindex', '-1');
  }
}

// Messages of the webapps' toasts: never an exception's class, an engine code or an id.
const TECHNICAL = [
  /\b(?:Cannot|Could not|Unable to) [^:]*:\s*/g, // the REST layer's "Cannot submit task form …:"
  /\b(?:[a-z_]\w*\.)+[A-Z]\w*(?:Exception|Error)\b:?\s*/g, // org.camunda.….ProcessEngineException
  /\b\w*(?:Exception|Error)\b:?\s*/g, // ProcessEngineException:
  /\bENGINE-\d+\s*/g,
  /\b(?:[a-z_]\w*\.){2,}[A-Z]\w*\b/g, // other class names
  /\s*\(?\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b\)?/gi // ids
];
const SERVER_TROUBLE = 'Något gick fel på servern. Försök igen, och kontakta administratören om det händer igen.';

export function plainMessage(text) {
  let plain = text;
  for (const pattern of TECHNICAL) {
    plain = plain.replace(pattern, ' ');
  }
  plain = plain.replace(/\s+([.,:;])/g, '$1').replace(/\s{2,}/g, ' ').trim();
  // Stegvis's own refusals are Swedish; what is left of an engine's message is English and says
  // nothing a user can act on.
  return /[åäöÅÄÖ]|\b(och|inte|kan|ska|måste|finns|ange)\b/.test(plain) ? plain : SERVER_TROUBLE;
}

function plainToasts(root) {
  for (const message of root.querySelectorAll('.page-notifications .message, .notifications-panel .message, .alert .message')) {
    const walker = document.createTreeWalker(message, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (TECHNICAL.some(pattern => { pattern.lastIndex = 0; return pattern.test(node.nodeValue); })) {
        node.nodeValue = plainMessage(node.nodeValue);
      }
    }
  }
}

// A refused task form: the server names the fields that are wrong ("fields" of its problem details,
// by field key); each message is shown under its field in the Camunda Form, where the eye already is.
function showFieldErrors(fields) {
  for (const old of document.querySelectorAll('.stegvis-field-error')) {
    old.remove();
  }
  for (const [key, message] of Object.entries(fields || {})) {
    // form-js ids end in the field's id, Field_<key> in Stegvis's forms (a date field adds "-date").
    const input = [...document.querySelectorAll(`.fjs-container [id*="-Field_${CSS.escape(key)}"]`)]
      .find(e => new RegExp(`-Field_${key}(-date|-time)?$`).test(e.id) && e.matches('input, textarea, select'));
    const field = input && input.closest('.fjs-form-field');
    if (!field) {
      continue;
    }
    const note = document.createElement('div');
    note.className = 'stegvis-field-error';
    note.id = `stegvis-error-${key}`;
    note.setAttribute('role', 'alert');
    note.textContent = message;
    field.appendChild(note);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '));
  }
}

function watchFormSubmissions() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (/\/task\/[^/]+\/submit-form(\?|$)/.test(String(url))) {
      this.addEventListener('load', () => {
        if (this.status >= 400) {
          try {
            showFieldErrors(JSON.parse(this.responseText).fields);
          } catch (e) {
            // not problem details: the toast tells it
          }
        } else {
          showFieldErrors({});
        }
      });
    }
    return open.call(this, method, url, ...rest);
  };
}

// Single sign-on: the webapps' own "Log out" (a background call) ends Stegvis's session, and the
// server names the identity provider's end-session address in X-Stegvis-Logout; the page goes there,
// so the provider's session ends too (RP-initiated logout) and it sends the browser back to Tasklist.
function followProviderLogout() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (/\/auth\/user\/[^/]+\/logout(\?|$)/.test(String(url))) {
      this.addEventListener('load', () => {
        const next = this.status === 200 && this.getResponseHeader('X-Stegvis-Logout');
        if (next) {
          window.location.assign(next);
        }
      });
    }
    return open.call(this, method, url, ...rest);
  };
}

function tidy() {
  if (document.documentElement.lang !== 'sv') {
    document.documentElement.lang = 'sv';
  }
  translateForms(document);
  nameControls(document);
  readOnlyTaskDates(document);
  plainToasts(document);
}

let scheduled = false;
function schedule() {
  if (!scheduled) {
    scheduled = true;
    window.requestAnimationFrame(() => {
      scheduled = false;
      tidy();
    });
  }
}

loadStylesheet(STYLESHEET, 'webapp-chrome');
watchFormSubmissions();
followProviderLogout();
tidy();
new MutationObserver(schedule).observe(document.documentElement, {
  childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder', 'lang']
});

export default [];
