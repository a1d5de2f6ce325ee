// Stegvis: "Mina remisser" (remisser.html): a referrer's referrals and their status, the latest as a
// receipt with its case number. Plain ES module; data from /api/referrals/mine, put in as text.
import { ApiError, call, currentUser, el, showPageMessage } from './stegvis.js';

const API = new URL('../api/', import.meta.url);
const TASKLIST = new URL('../camunda/app/tasklist/', import.meta.url).href;
const $ = selector => document.querySelector(selector);


async function start() {
  currentUser().then(me => {
    if (me) {
      $('#current-user').textContent = `Inloggad som ${me.name}`;
    }
  }).catch(() => {});
  let referrals;
  try {
    referrals = await call(new URL('referrals/mine', API)) || [];
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      const login = el('a', null, 'Logga in i Tasklist');
      login.href = TASKLIST;
      showPageMessage('warning', el('span', null, 'Du är inte inloggad. ', login, ' och öppna sedan Mina remisser igen.'));
    } else {
      showPageMessage('danger', `Remisserna kunde inte hämtas: ${e instanceof ApiError ? e.messages(s => `fel ${s}`).join(' ')
        : 'Kunde inte nå Stegvis.'}`);
    }
    return;
  }
  if (!referrals.length) {
    showPageMessage('muted', 'Du har inte skickat några remisser ännu.');
    return;
  }
  const latest = referrals[0];
  $('#receipt-text').textContent = `Remissen${latest.name ? ` för ${latest.name}` : ''} är mottagen `
    + `${latest.referredOn} med ärendenummer ${latest.caseNumber}. Läge: ${latest.statusLabel}.`;
  $('#receipt').hidden = false;
  $('#referrals tbody').replaceChildren(...referrals.map(r => el('tr', null,
    el('td', 'nowrap case-number', r.caseNumber),
    el('td', null, r.name || el('span', 'muted', 'Skyddade uppgifter')),
    el('td', null, r.project),
    el('td', 'nowrap', r.referredOn),
    el('td', null, r.statusLabel),
    el('td', 'nowrap', r.statusOn || '–'))));
  $('#list').hidden = false;
}

start().catch(() => showPageMessage('danger', 'Sidan kunde inte startas.'));
