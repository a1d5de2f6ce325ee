// Stegvis: the receipt of a referral started in Tasklist's own dialog "Starta process" (the start
// form "Ny remiss"). When the engine answers the start, a dialog says in Swedish that the referral
// is received, with its case number (the process's business key), the day, and what happens next,
// as the API's answer and "Mina remisser" do. The referrer's own view of it comes from
// /api/referrals/mine (name, project, day, status); for staff, who have no such list, the case
// number and today are enough. Plain ES module, no build step; loaded through customScripts in
// scripts/config.js. Everything from the server is put in as text.
import { apiUrl, call, el } from '../../../../stegvis/stegvis.js';

const START = /\/process-definition\/(?:key\/[^/]+(?:\/tenant-id\/[^/]+)?|[^/]+)\/submit-form(?:\?.*)?$/;
const MY_REFERRALS = new URL('../../../../stegvis/remisser.html', import.meta.url).href;

// Tasklist talks to the engine with XMLHttpRequest: the answer to a start is read where it arrives,
// nothing in the request or the answer is changed.
const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function stegvisOpen(method, url, ...rest) {
  this.stegvisStart = String(method).toUpperCase() === 'POST' && START.test(String(url));
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function stegvisSend(...args) {
  if (this.stegvisStart) {
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        let instance = null;
        try {
          instance = JSON.parse(this.responseText);
        } catch (e) {
          return;
        }
        if (instance && instance.businessKey) {
          showReceipt(instance.businessKey);
        }
      }
    });
  }
  return send.apply(this, args);
};

function today() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

async function showReceipt(caseNumber) {
  let referral = null;
  try {
    const mine = await call(apiUrl('/api/referrals/mine'));
    referral = Array.isArray(mine) ? mine.find(r => r.caseNumber === caseNumber) || null : null;
  } catch (e) {
    // Not a referrer (staff may start a case too): the case number and the day say enough.
  }
  document.querySelectorAll('dialog.stegvis-receipt').forEach(old => old.remove());
  const rows = [
    ['Ärendenummer', caseNumber],
    ['Mottagen', referral ? referral.referredOn : today()],
    referral && referral.name ? ['Person', referral.name] : null,
    referral && referral.project ? ['Insats', referral.project] : null,
    ['Läge', referral ? referral.statusLabel : 'Mottagen, väntar på beslut']
  ].filter(Boolean);
  const close = el('button', 'btn btn-primary', 'Stäng');
  close.type = 'button';
  const link = el('a', 'btn btn-default', 'Till Mina remisser');
  link.href = MY_REFERRALS;
  const dialog = el('dialog', 'stegvis-receipt',
    el('h2', null, 'Remissen är mottagen'),
    el('dl', null, ...rows.flatMap(([term, value]) => [el('dt', null, term), el('dd', null, value)])),
    el('h3', null, 'Det här händer nu'),
    el('p', null, `Beredningsgruppen beslutar inom 14 dagar om personen får plats i insatsen. Personen och du får `
      + `besked om beslutet. Läget syns under Mina remisser. Ange ärendenummer ${caseNumber} när du frågar om remissen.`),
    el('div', 'stegvis-receipt-buttons', link, close));
  dialog.setAttribute('aria-labelledby', 'stegvis-receipt-title');
  dialog.querySelector('h2').id = 'stegvis-receipt-title';
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.appendChild(dialog);
  dialog.showModal();
  close.focus();
}

const style = document.createElement('style');
style.textContent = `
dialog.stegvis-receipt { max-width: 560px; padding: 20px 24px; border: 1px solid #767676; border-radius: 4px; color: #222; }
dialog.stegvis-receipt::backdrop { background: rgba(0, 0, 0, 0.4); }
dialog.stegvis-receipt h2 { margin-top: 0; font-size: 20px; }
dialog.stegvis-receipt h3 { font-size: 16px; }
dialog.stegvis-receipt dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dialog.stegvis-receipt dt { font-weight: 600; }
dialog.stegvis-receipt dd { margin: 0; }
dialog.stegvis-receipt .stegvis-receipt-buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 16px; }`;
document.head.appendChild(style);

// A custom script is a module whose default export lists its plugins: this one adds none.
export default [];
