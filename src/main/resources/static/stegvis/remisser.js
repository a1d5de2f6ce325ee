// Stegvis: "Mina remisser" (remisser.html): a referrer's referrals and their status, the latest as a
// receipt with its case number. Plain ES module; data from /api/referrals/mine, put in as text.
import { ApiError, call, currentUser, el, failureMessage, showPageMessage } from './stegvis.js';

const API = new URL('../api/', import.meta.url);
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
    showPageMessage(e instanceof ApiError && e.status === 401 ? 'warning' : 'danger',
      failureMessage(e, 'Remisserna kunde inte hämtas', { page: 'Mina remisser' }));
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
