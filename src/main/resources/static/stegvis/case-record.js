// Stegvis: a case's record, mounted into <section id="case-record" data-case="NUMBER">: the journal
// (write, sign, correct; the unsigned text kept on the server as a draft while typing), the timeline
// of everything written (filter by kind, print), attachments (upload, download) and extracts to a
// party by the person's consent. Plain ES module; everything from the server is put in as text.
import { ApiError, apiUrl, call, csrfHeaders, el, errorMessages } from './stegvis.js';

const PARTIES = [['AF', 'Arbetsförmedlingen'], ['FK', 'Försäkringskassan'], ['REGION', 'Region (hälso- och sjukvård)'],
  ['SOC', 'Socialtjänsten']];
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
const stamp = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

const failure = error => errorMessages(error, { 404: 'Ärendet finns inte eller så får du inte se det.' });

function showErrors(box, error) {
  box.replaceChildren(...failure(error).map(m => el('div', null, m)));
  box.hidden = false;
}

function field(id, label, input) {
  input.id = id;
  const caption = el('label', null, label);
  caption.htmlFor = id;
  return el('div', 'record-form', caption, input);
}

function input(type, attributes = {}) {
  const node = document.createElement(type === 'textarea' ? 'textarea' : type === 'select' ? 'select' : 'input');
  if (type !== 'textarea' && type !== 'select') {
    node.type = type;
  }
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

function button(label, onClick, className = 'record-button') {
  const node = el('button', className, label);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

export function mountCaseRecord(section) {
  const caseNumber = section.dataset.case || new URLSearchParams(location.search).get('case') || '';
  if (!caseNumber) {
    section.replaceChildren(el('p', 'message', 'Ange ärendet: journal.html?case=<ärendenummer>.'));
    return;
  }
  const base = `/api/cases/${encodeURIComponent(caseNumber)}`;
  const api = (path, options) => call(apiUrl(base + path), options);
  const parts = { journal: el('section', 'record-part'), timeline: el('section', 'record-part record-timeline'),
    attachments: el('section', 'record-part'), extract: el('section', 'record-part') };
  section.replaceChildren(el('p', 'intro', `Ärende ${caseNumber}`), ...Object.values(parts));

  // -- Journal -------------------------------------------------------------------------------
  const text = input('textarea', { maxlength: '8000' });
  const occurredOn = input('date', { max: today, value: today });
  occurredOn.value = today;
  const draftState = el('span', 'record-draft');
  const journalErrors = el('div', 'record-errors');
  journalErrors.hidden = true;
  journalErrors.setAttribute('role', 'alert');
  const entries = el('div');
  let draftTimer = null;
  const saveDraft = () => {
    clearTimeout(draftTimer);
    draftTimer = setTimeout(async () => {
      try {
        await api('/drafts/journal', { method: 'PUT', body: { content: JSON.stringify({ text: text.value, occurredOn: occurredOn.value }) } });
        draftState.textContent = `Utkast sparat ${stamp.format(new Date())}`;
      } catch (error) {
        draftState.textContent = 'Utkastet kunde inte sparas: ' + failure(error).join(' ');
      }
    }, 800);
  };
  text.addEventListener('input', saveDraft);
  occurredOn.addEventListener('change', saveDraft);
  const sign = button('Signera anteckningen', async () => {
    journalErrors.hidden = true;
    try {
      clearTimeout(draftTimer);
      await api('/journal', { method: 'POST', body: { text: text.value, occurredOn: occurredOn.value } });
      text.value = '';
      draftState.textContent = '';
      await loadJournal();
      await loadTimeline();
    } catch (error) {
      showErrors(journalErrors, error);
    }
  }, 'record-button button button-primary');
  sign.id = 'journal-sign';
  parts.journal.append(el('h2', null, 'Journal'),
    el('form', 'record-form', journalErrors, field('journal-text', 'Anteckning', text),
      field('journal-occurred-on', 'Datum då det hände', occurredOn), el('div', 'record-row', sign, draftState)),
    entries);

  function correctionForm(entry, holder) {
    const corrected = input('textarea', { maxlength: '8000' });
    corrected.value = entry.text;
    const reason = input('text', { maxlength: '500' });
    const errors = el('div', 'record-errors');
    errors.hidden = true;
    const save = button('Signera rättelsen', async () => {
      try {
        await api(`/journal/${entry.id}/corrections`, { method: 'POST', body: { text: corrected.value, reason: reason.value } });
        await loadJournal();
        await loadTimeline();
      } catch (error) {
        showErrors(errors, error);
      }
    });
    holder.replaceChildren(el('form', 'record-form', errors, field(`correct-text-${entry.id}`, 'Rättad text', corrected),
      field(`correct-reason-${entry.id}`, 'Skäl till rättelsen', reason), el('div', 'record-row', save)));
    corrected.focus();
  }

  async function loadJournal() {
    try {
      const list = await api('/journal');
      entries.replaceChildren(...(list.length ? list.slice().reverse().map(entry => {
        const holder = el('div');
        const node = el('article', 'record-entry' + (entry.correctedBy.length ? ' corrected' : ''),
          el('div', 'record-meta', `${entry.occurredOn} · ${entry.signedBy || entry.author}`
            + ` · signerad ${stamp.format(new Date(entry.signedAt))}`
            + (entry.correctsId ? ` · rättar anteckning ${entry.correctsId}: ${entry.correctionReason}` : '')
            + (entry.correctedBy.length ? ` · rättad i ${entry.correctedBy.join(', ')}` : '')),
          el('p', 'record-text', entry.text),
          entry.correctedBy.length ? null : button('Rätta', () => correctionForm(entry, holder)), holder);
        node.dataset.id = entry.id;
        return node;
      }) : [el('p', 'message-muted', 'Inga anteckningar ännu.')]));
    } catch (error) {
      entries.replaceChildren(el('p', 'record-errors', failure(error).join(' ')));
    }
  }

  async function loadDraft() {
    try {
      const draft = await api('/drafts/journal');
      if (draft.content) {
        const saved = JSON.parse(draft.content);
        text.value = saved.text || '';
        occurredOn.value = saved.occurredOn || today;
        draftState.textContent = 'Osignerat utkast hämtat från servern.';
      }
    } catch (error) {
      draftState.textContent = '';
    }
  }

  // -- Timeline ------------------------------------------------------------------------------
  const kind = input('select');
  kind.append(new Option('Alla slag', ''));
  const events = el('ol', 'record-events');
  kind.addEventListener('change', () => loadTimeline());
  kind.id = 'timeline-kind';
  const kindLabel = el('label', null, 'Visa');
  kindLabel.htmlFor = kind.id;
  parts.timeline.append(el('h2', null, 'Tidslinje'),
    el('div', 'record-row record-no-print', kindLabel, kind, button('Skriv ut tidslinjen', () => window.print())),
    events);

  async function loadTimeline() {
    try {
      const timeline = await api('/timeline' + (kind.value ? `?kind=${encodeURIComponent(kind.value)}` : ''));
      if (kind.options.length === 1) {
        timeline.kinds.forEach(k => kind.append(new Option(k.label, k.kind)));
      }
      events.replaceChildren(...timeline.events.map(e => el('li', null,
        el('div', 'record-meta', el('span', 'record-kind', e.kindLabel), ` ${e.day}`, e.by ? ` · ${e.by}` : ''),
        el('strong', null, e.title), e.text ? el('p', 'record-text', e.text) : null)));
    } catch (error) {
      events.replaceChildren(el('li', 'record-errors', failure(error).join(' ')));
    }
  }

  // -- Attachments ---------------------------------------------------------------------------
  const file = input('file', { accept: 'application/pdf,image/jpeg,image/png' });
  const attachmentErrors = el('div', 'record-errors');
  attachmentErrors.hidden = true;
  attachmentErrors.setAttribute('role', 'alert');
  const attachmentList = el('ul');
  const upload = button('Bifoga', async () => {
    attachmentErrors.hidden = true;
    if (!file.files.length) {
      showErrors(attachmentErrors, new ApiError(400, { errors: ['Välj en fil att bifoga.'] }));
      return;
    }
    const form = new FormData();
    form.append('file', file.files[0]);
    try {
      const response = await fetch(apiUrl(base + '/attachments'), { method: 'POST', body: form,
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...(await csrfHeaders()) } });
      if (!response.ok) {
        throw new ApiError(response.status, await response.json().catch(() => null));
      }
      file.value = '';
      await loadAttachments();
      await loadTimeline();
    } catch (error) {
      showErrors(attachmentErrors, error);
    }
  });
  upload.id = 'attachment-upload';
  parts.attachments.append(el('h2', null, 'Bilagor'),
    el('form', 'record-form', attachmentErrors, field('attachment-file', 'Fil (PDF, JPEG eller PNG, högst 10 MB)', file),
      el('div', 'record-row', upload)), attachmentList);

  async function loadAttachments() {
    try {
      const list = await api('/attachments');
      attachmentList.replaceChildren(...list.map(a => {
        const link = el('a', null, a.fileName);
        link.href = apiUrl(`${base}/attachments/${a.id}`);
        link.setAttribute('download', a.fileName);
        return el('li', null, link, ` · ${Math.ceil(a.sizeBytes / 1024)} kB · ${a.uploadedBy} · ${stamp.format(new Date(a.uploadedAt))}`);
      }));
    } catch (error) {
      attachmentList.replaceChildren(el('li', 'record-errors', failure(error).join(' ')));
    }
  }

  // -- Extract to a party --------------------------------------------------------------------
  const party = input('select');
  PARTIES.forEach(([code, label]) => party.append(new Option(label, code)));
  const extractErrors = el('div', 'record-errors');
  extractErrors.hidden = true;
  extractErrors.setAttribute('role', 'alert');
  const extractResult = el('div');
  const make = button('Gör utdrag', async () => {
    extractErrors.hidden = true;
    extractResult.replaceChildren();
    try {
      const made = await api('/extracts', { method: 'POST', body: { party: party.value } });
      const page = el('a', null, 'Visa utdraget för utskrift');
      page.href = apiUrl(`${base}/extracts/${made.id}`);
      page.target = '_blank';
      const pdf = el('a', null, 'Hämta som PDF');
      pdf.href = apiUrl(`${base}/extracts/${made.id}/pdf`);
      extractResult.replaceChildren(el('p', null, `Utdrag till ${made.partyLabel}. Lämnas: ${made.disclosed.join(', ') || 'inget'}.`),
        el('p', 'extract-withheld', `Inte med (samtycke saknas): ${made.withheld.join(', ') || 'inget'}.`),
        el('div', 'record-row', page, pdf));
      await loadTimeline();
    } catch (error) {
      showErrors(extractErrors, error);
    }
  });
  make.id = 'extract-make';
  parts.extract.append(el('h2', null, 'Utdrag till part'),
    el('p', 'intro', 'Utdraget innehåller bara det som personens giltiga samtycke tillåter att lämnas ut till parten.'),
    el('form', 'record-form', extractErrors, field('extract-party', 'Part', party), el('div', 'record-row', make)),
    extractResult);

  loadDraft();
  loadJournal();
  loadTimeline();
  loadAttachments();
}

const mounted = document.querySelector('section#case-record');
if (mounted && !mounted.dataset.mounted) {
  mounted.dataset.mounted = 'true';
  mountCaseRecord(mounted);
}
