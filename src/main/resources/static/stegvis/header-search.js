// Stegvis: "Sök deltagare" in the headers of the Camunda webapps (Tasklist, Cockpit), as on every
// Stegvis page: a search form that opens Mina deltagare (deltagare.html?q=…) with the hits. Plain
// ES module, served at <context path>/stegvis/header-search.js; the Tasklist plugin
// scripts/stegvis-search.js and the Cockpit module scripts/stegvis-search.js draw it. Keyboard:
// Tab reaches the field, Enter searches; the field has a Swedish accessible name.
import { currentUser, loadStylesheet } from './stegvis.js';

// Those who may search (the access matrix's READ_CASE_LISTS in the webapps: the groups with a caseload).
const SEARCH_GROUPS = ['coach', 'praktiksamordnare', 'chef', 'camunda-admin'];

/** Whether the logged-in user may search: staff with a caseload (unknown groups: yes, the page answers). */
export async function maySearch() {
  const me = await currentUser();
  return Boolean(me && (me.groups === null || me.groups.some(group => SEARCH_GROUPS.includes(group))));
}

/** The form: label (read by screen readers), field, button. `id` tells forms of one page apart. */
export function searchForm(id) {
  loadStylesheet(new URL('header-search.css', import.meta.url).pathname, 'header-search');
  const form = document.createElement('form');
  form.className = 'stegvis-header-search';
  form.setAttribute('role', 'search');
  form.setAttribute('aria-label', 'Sök deltagare');
  form.method = 'get';
  form.action = new URL('deltagare.html', import.meta.url).pathname;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.className = 'stegvis-visually-hidden';
  label.textContent = 'Sök deltagare';
  const input = document.createElement('input');
  input.id = id;
  input.name = 'q';
  input.type = 'search';
  input.placeholder = 'Sök deltagare';
  input.title = 'Namn, personnummer eller ärendenummer';
  input.autocomplete = 'off';
  input.required = true;
  input.minLength = 2;
  const button = document.createElement('button');
  button.type = 'submit';
  button.className = 'btn btn-default btn-sm';
  button.textContent = 'Sök';
  form.append(label, input, button);
  // The webapps' own keyboard shortcuts and routers stay out of the field.
  form.addEventListener('keydown', event => event.stopPropagation());
  return form;
}
