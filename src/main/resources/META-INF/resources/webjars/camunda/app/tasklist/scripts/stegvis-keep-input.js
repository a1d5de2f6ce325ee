// Stegvis: nothing typed in Tasklist is lost by a slip. What is typed in a task's form is kept as
// a draft on the server (per user, case and task: /api/cases/<case>/drafts/task:<task id>) and
// put back when the form is shown again: after a look at the "Ärende" tab (which makes Tasklist
// render the form anew), after a reload, or on another computer. Nothing is kept in the browser's
// storage. Escape or a click beside a dialog that
// holds input (the "Ny remiss" start form) asks before the dialog closes. And Tasklist's own
// "Lägg till kommentar" is hidden: its comments are stored in the engine's tables (no personal
// text belongs there) and are not part of the case record; notes go in the case's journal
// (/stegvis/journal.html, linked from the "Ärende" tab).
import { apiUrl, call } from '../../../../stegvis/stegvis.js';

const QUESTION = 'Stänga utan att spara? Det du har skrivit i formuläret försvinner.';

function openDialogWithInput() {
  const dialog = document.querySelector('.modal.in .modal-dialog, .modal[style*="display: block"] .modal-dialog');
  if (!dialog) {
    return null;
  }
  const typed = [...dialog.querySelectorAll('input, textarea, select')].some(field =>
    field.type === 'checkbox' || field.type === 'radio' ? field.checked && !field.defaultChecked
      : field.type !== 'hidden' && field.type !== 'button' && field.type !== 'submit' && field.value !== ''
        && field.value !== field.defaultValue);
  return typed ? dialog : null;
}

function keepUnlessConfirmed(event) {
  if (openDialogWithInput() && !window.confirm(QUESTION)) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
}

// Capture phase: ahead of the dialog's own Escape and backdrop handlers.
window.addEventListener('keydown', event => {
  if (event.key === 'Escape') {
    keepUnlessConfirmed(event);
  }
}, true);
window.addEventListener('click', event => {
  if (event.target instanceof Element && event.target.classList.contains('modal')) {
    keepUnlessConfirmed(event);
  }
}, true);

// -- Task form drafts -----------------------------------------------------------------------
// Fields are known by their label (form-js gives its inputs new ids each time it renders a form).
const drafts = new Map(); // task id -> { caseNumber, values: {label: value} }
let saveTimer = null;

function currentTaskId() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function formFields() {
  return [...document.querySelectorAll('.task-details form input, .task-details form textarea')]
    .filter(field => field.labels && field.labels.length && !['hidden', 'checkbox', 'radio', 'submit', 'button']
      .includes(field.type));
}

function labelOf(field) {
  return field.labels[0].textContent.trim();
}

async function draftOf(taskId) {
  if (!drafts.has(taskId)) {
    const draft = { caseNumber: null, values: {} };
    drafts.set(taskId, draft);
    try {
      draft.caseNumber = (await call(apiUrl(`/api/cases/by-task/${encodeURIComponent(taskId)}`))).caseNumber;
      const saved = await call(draftUrl(draft.caseNumber, taskId));
      if (saved && saved.content) {
        draft.values = { ...JSON.parse(saved.content), ...draft.values };
      }
    } catch (e) {
      // Not a Stegvis case, or no right to write in it: the form works as before, without drafts.
    }
  }
  return drafts.get(taskId);
}

function draftUrl(caseNumber, taskId) {
  return apiUrl(`/api/cases/${encodeURIComponent(caseNumber)}/drafts/${encodeURIComponent('task:' + taskId)}`);
}

document.addEventListener('input', async event => {
  const field = event.target;
  const taskId = currentTaskId();
  if (!taskId || !event.isTrusted || !field.closest || !field.closest('.task-details form') || !formFields().includes(field)) {
    return;
  }
  const draft = await draftOf(taskId);
  draft.values[labelOf(field)] = field.value;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    if (draft.caseNumber) {
      call(draftUrl(draft.caseNumber, taskId), { method: 'PUT', body: { content: JSON.stringify(draft.values) } })
        .catch(() => {});
    }
  }, 800);
}, true);

/** Puts the draft back into a form just rendered: only into fields still empty. */
async function restore() {
  const taskId = currentTaskId();
  const fields = formFields();
  if (!taskId || !fields.length) {
    return;
  }
  const draft = await draftOf(taskId);
  for (const field of formFields()) {
    const value = draft.values[labelOf(field)];
    if (value && !field.value) {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
}

let restoreTimer = null;
new MutationObserver(() => {
  clearTimeout(restoreTimer);
  restoreTimer = setTimeout(restore, 150);
}).observe(document.documentElement, { childList: true, subtree: true });

// A completed task's draft is removed (the form is gone and Tasklist asks for the next task).
document.addEventListener('click', event => {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  const taskId = currentTaskId();
  if (button && button.textContent.trim() === 'Slutför' && taskId && drafts.get(taskId)?.caseNumber) {
    const { caseNumber } = drafts.get(taskId);
    setTimeout(() => {
      if (document.querySelector('.task-details .no-task')) {
        drafts.delete(taskId);
        call(draftUrl(caseNumber, taskId), { method: 'DELETE' }).catch(() => {});
      }
    }, 2000);
  }
}, true);

const style = document.createElement('style');
style.textContent = '.createCommentLink { display: none !important; }';
document.head.appendChild(style);

// A custom script is a module whose default export lists its plugins: this one adds none.
export default [];
