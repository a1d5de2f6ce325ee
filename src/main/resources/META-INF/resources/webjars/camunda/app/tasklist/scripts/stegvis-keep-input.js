// Stegvis: nothing typed in Tasklist is lost by a slip. What is typed in a task's form is kept as
// a draft on the server (per user, case and task: /api/cases/<case>/drafts/task:<task id>) and
// put back when the form is shown again: after a look at the "Ärende" tab (which makes Tasklist
// render the form anew), after a reload, or on another computer. Nothing is kept in the browser's
// storage. Escape or a click beside a dialog that holds input (the "Ny remiss" start form) asks in
// a dialog of its own before the dialog closes ("Stanna kvar" keeps it). And Tasklist's own
// "Lägg till kommentar" is hidden: its comments are stored in the engine's tables (no personal
// text belongs there) and are not part of the case record; notes go in the case's journal
// (/stegvis/journal.html, linked from the "Ärende" tab).
import { apiUrl, call } from '../../../../stegvis/stegvis.js';

const QUESTION = 'Stänga utan att spara? Det du har skrivit i formuläret försvinner.';

// The webapps' pages are sandboxed without "allow-modals" (Camunda's Content-Security-Policy), so
// window.confirm() is never shown and answers false at once: the question is a dialog of our own.
// A dialog "holds input" once a person has typed or chosen something in it (a trusted input or
// change event): the values a form was drawn with do not count.
const typedIn = new WeakSet(); // .modal-dialog elements a person has typed in

function openDialog() {
  return document.querySelector('.modal.in .modal-dialog, .modal[style*="display: block"] .modal-dialog');
}

for (const type of ['input', 'change']) {
  document.addEventListener(type, event => {
    const dialog = event.isTrusted && event.target instanceof Element ? event.target.closest('.modal-dialog') : null;
    if (dialog) {
      typedIn.add(dialog);
    }
  }, true);
}

let asking = null; // the question's <dialog> while it is shown

/** Closes Tasklist's dialog as its own Escape would (angular-ui-bootstrap's $dismiss of the dialog's scope). */
let dismissing = false;
function dismiss(dialog) {
  const angular = window.angular;
  const inner = dialog.querySelector('.modal-content > *') || dialog;
  let scope = angular ? angular.element(inner).scope() : null;
  while (scope && typeof scope.$dismiss !== 'function') {
    scope = scope.$parent;
  }
  if (scope) {
    scope.$apply(() => scope.$dismiss('escape key press'));
    return;
  }
  // Without Angular's scope: the Escape the dialog listens for, let through this once.
  dismissing = true;
  try {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, which: 27, bubbles: true }));
  } finally {
    dismissing = false;
  }
}

function ask(dialog) {
  const stay = document.createElement('button');
  stay.type = 'button';
  stay.className = 'btn btn-primary';
  stay.textContent = 'Stanna kvar';
  const leave = document.createElement('button');
  leave.type = 'button';
  leave.className = 'btn btn-default';
  leave.textContent = 'Stäng utan att spara';
  const text = document.createElement('p');
  text.id = 'stegvis-confirm-text';
  text.textContent = QUESTION;
  const buttons = document.createElement('div');
  buttons.className = 'stegvis-confirm-buttons';
  buttons.append(leave, stay);
  asking = document.createElement('dialog');
  asking.className = 'stegvis-confirm';
  asking.setAttribute('role', 'alertdialog');
  asking.setAttribute('aria-describedby', text.id);
  asking.setAttribute('aria-label', 'Stänga utan att spara?');
  asking.append(text, buttons);
  const question = asking;
  // Tasklist's dialog keeps the focus inside itself with keys handled on the document: not these.
  question.addEventListener('keydown', event => event.stopPropagation());
  question.addEventListener('close', () => {
    question.remove();
    asking = null;
    if (question.returnValue === 'leave') {
      dismiss(dialog);
    } else {
      const field = dialog.querySelector('input:not([type="hidden"]), textarea, select, button');
      if (field) {
        field.focus();
      }
    }
  });
  stay.addEventListener('click', () => question.close('stay'));
  leave.addEventListener('click', () => question.close('leave'));
  document.body.appendChild(question);
  question.showModal();
  stay.focus();
}

/** Escape or a click beside a dialog a person has typed in: ask first, and close only on "Stäng utan att spara". */
function askBeforeClosing(event) {
  if (asking || dismissing) {
    return; // the question itself handles its keys (Escape there means stay)
  }
  const dialog = openDialog();
  if (dialog && typedIn.has(dialog)) {
    event.stopImmediatePropagation();
    event.preventDefault();
    ask(dialog);
  }
}

// Capture phase: ahead of the dialog's own Escape and backdrop handlers.
window.addEventListener('keydown', event => {
  if (event.key === 'Escape') {
    askBeforeClosing(event);
  }
}, true);
window.addEventListener('click', event => {
  if (event.target instanceof Element && event.target.classList.contains('modal')) {
    askBeforeClosing(event);
  }
}, true);

// -- Task form drafts -----------------------------------------------------------------------
// Camunda Forms (form-js) gives its inputs new ids each time it renders a form: a field is known by
// its label. What is kept, per kind of field: the text of a text field, text area or number; the
// day of a date field, as typed; the chosen option's text of a select, a radio group; whether a
// check box is ticked; the ticked options of a check list. The draft is the map label -> value.
const drafts = new Map(); // task id -> { caseNumber, values: {label: value} }
let saveTimer = null;
const KINDS = ['textfield', 'textarea', 'number', 'datetime', 'select', 'checkbox', 'radio', 'checklist'];

function currentTaskId() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function kindOf(container) {
  return KINDS.find(kind => container.classList.contains(`fjs-form-field-${kind}`)) || null;
}

/** The form's fields: each form-js field container of a kind kept, with a label. */
function formFields() {
  return [...document.querySelectorAll('.task-details form .fjs-form-field')]
    .filter(container => kindOf(container) && labelOf(container));
}

/** The field's label without the required mark ("Mål", not "Mål*"). */
function labelOf(container) {
  const label = container.querySelector('label.fjs-form-field-label');
  if (!label) {
    return '';
  }
  const copy = label.cloneNode(true);
  copy.querySelectorAll('.fjs-asterix, input').forEach(node => node.remove());
  return copy.textContent.trim();
}

function optionLabel(input) {
  return input.labels && input.labels.length ? input.labels[input.labels.length - 1].textContent.trim() : input.value;
}

/** What the field holds now, in the draft's terms; undefined for a field not understood. */
function valueOf(container) {
  switch (kindOf(container)) {
    case 'textfield': case 'textarea': case 'number': case 'datetime': {
      const input = container.querySelector('textarea, input.fjs-input');
      return input ? input.value : undefined;
    }
    case 'select': {
      const display = container.querySelector('.fjs-select-display');
      if (display) {
        return display.classList.contains('fjs-select-placeholder') ? '' : display.textContent.trim();
      }
      const search = container.querySelector('input.fjs-input'); // a searchable select
      return search ? search.value : undefined;
    }
    case 'checkbox': {
      const box = container.querySelector('input[type="checkbox"]');
      return box ? box.checked : undefined;
    }
    case 'radio': {
      const chosen = container.querySelector('input[type="radio"]:checked');
      return chosen ? optionLabel(chosen) : '';
    }
    case 'checklist':
      return [...container.querySelectorAll('input[type="checkbox"]:checked')].map(optionLabel);
    default:
      return undefined;
  }
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Types text into a form-js input as a person would: the value, then the input event form-js listens to. */
function typeInto(input, value) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Puts a kept value back into its field; resolves when form-js has it. */
async function restoreField(container, value) {
  switch (kindOf(container)) {
    case 'textfield': case 'textarea': case 'number': {
      const input = container.querySelector('textarea, input.fjs-input');
      typeInto(input, String(value));
      break;
    }
    case 'datetime': {
      const input = container.querySelector('.fjs-datepicker input, input.fjs-input');
      if (input && input._flatpickr) {
        // flatpickr parses the day in the form's format and tells form-js (its onChange).
        input._flatpickr.setDate(String(value), true);
      } else if (input) {
        typeInto(input, String(value));
        input.dispatchEvent(new FocusEvent('blur'));
      }
      break;
    }
    case 'select': {
      const group = container.querySelector('.fjs-input-group');
      const search = container.querySelector('input.fjs-input');
      if (search && !container.querySelector('.fjs-select-display')) {
        typeInto(search, String(value));
      } else if (group) {
        group.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
      }
      await new Promise(resolve => setTimeout(resolve, 50));
      const item = [...container.querySelectorAll('.fjs-dropdownlist-item')]
        .find(option => option.textContent.trim() === value);
      if (item) {
        item.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
      }
      const focused = container.querySelector('input');
      if (focused) {
        focused.blur();
      }
      break;
    }
    case 'checkbox': {
      const box = container.querySelector('input[type="checkbox"]');
      if (box && box.checked !== Boolean(value)) {
        box.click();
      }
      break;
    }
    case 'radio': {
      const option = [...container.querySelectorAll('input[type="radio"]')].find(input => optionLabel(input) === value);
      if (option && !option.checked) {
        option.click();
      }
      break;
    }
    case 'checklist': {
      // One option at a time: form-js computes each change from the list as last drawn.
      const wanted = Array.isArray(value) ? value : [];
      const options = [...container.querySelectorAll('input[type="checkbox"]')].map(optionLabel);
      for (const option of options) {
        const box = [...container.querySelectorAll('input[type="checkbox"]')].find(b => optionLabel(b) === option);
        if (box && box.checked !== wanted.includes(option)) {
          box.click();
          await new Promise(resolve => setTimeout(resolve, 60));
        }
      }
      break;
    }
    default:
  }
}

async function draftOf(taskId) {
  if (!drafts.has(taskId)) {
    const draft = { caseNumber: null, values: {}, loaded: null };
    drafts.set(taskId, draft);
    draft.loaded = (async () => {
      try {
        draft.caseNumber = (await call(apiUrl(`/api/cases/by-task/${encodeURIComponent(taskId)}`))).caseNumber;
        const saved = await call(draftUrl(draft.caseNumber, taskId));
        if (saved && saved.content) {
          draft.values = { ...JSON.parse(saved.content), ...draft.values };
        }
      } catch (e) {
        // Not a Stegvis case, or no right to read it: the form works as before, without drafts.
      }
    })();
  }
  const draft = drafts.get(taskId);
  await draft.loaded;
  return draft;
}

function draftUrl(caseNumber, taskId) {
  return apiUrl(`/api/cases/${encodeURIComponent(caseNumber)}/drafts/${encodeURIComponent('task:' + taskId)}`);
}

// Each rendered form: when it appeared, and the fields the user has touched in it since. A form is
// restored in the first seconds after it appears (fields shown by a condition appear a moment after
// the choice that shows them), and never into a field the user has touched.
const rendered = new WeakMap(); // form element -> { since, touched: Set<label> }
const RESTORE_MS = 3000;

function stateOf(form) {
  if (!rendered.has(form)) {
    rendered.set(form, { since: Date.now(), touched: new Set() });
  }
  return rendered.get(form);
}

/**
 * A person changed a field: keep what it holds at once (the form may be gone a moment later, when
 * the "Ärende" tab is chosen), and again once form-js has drawn the change (a select's or a radio
 * group's choice shows a moment after the click); save the draft a moment after the last change.
 */
function touched(event) {
  const taskId = currentTaskId();
  const target = event.target;
  if (!taskId || !event.isTrusted || !(target instanceof Element)) {
    return;
  }
  const form = target.closest('.task-details form');
  const container = target.closest('.fjs-form-field');
  if (!form || !container || !formFields().includes(container)) {
    return;
  }
  const label = labelOf(container);
  const changed = event.type === 'input' || event.type === 'change';
  const before = valueOf(container);
  draftOf(taskId); // starts reading the saved draft; the entry in `drafts` exists from here on
  const draft = drafts.get(taskId);
  const keep = () => {
    const value = container.isConnected ? valueOf(container) : undefined;
    // A click or a key that changed nothing (opening a list, moving the focus) keeps nothing.
    if (value === undefined || (!changed && same(value, before)) || same(draft.values[label], value)) {
      return;
    }
    stateOf(form).touched.add(label);
    draft.values[label] = value;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(async () => {
      await draft.loaded;
      if (draft.caseNumber) {
        call(draftUrl(draft.caseNumber, taskId), { method: 'PUT', body: { content: JSON.stringify(draft.values) } })
          .catch(() => {});
      }
    }, 800);
  };
  if (changed) {
    keep();
  }
  setTimeout(keep, 250);
}

for (const type of ['input', 'change', 'click', 'keyup', 'mousedown']) {
  document.addEventListener(type, touched, true);
}

/** Puts the draft back into a form just rendered, field by field, into fields the user has not touched. */
let restoring = false;
async function restore() {
  const taskId = currentTaskId();
  const form = document.querySelector('.task-details form');
  if (restoring || !taskId || !form || !formFields().length) {
    return;
  }
  const state = stateOf(form);
  if (Date.now() - state.since > RESTORE_MS) {
    return;
  }
  restoring = true;
  try {
    const draft = await draftOf(taskId);
    for (const container of formFields()) {
      const label = labelOf(container);
      const value = label in draft.values ? draft.values[label] : draft.values[`${label}*`];
      if (value === undefined || state.touched.has(label) || same(valueOf(container), value)) {
        continue;
      }
      if ((value === '' || value === false || (Array.isArray(value) && !value.length))
        && !['checkbox', 'checklist'].includes(kindOf(container))) {
        continue;
      }
      await restoreField(container, value);
    }
  } finally {
    restoring = false;
  }
}

let restoreTimer = null;
new MutationObserver(() => {
  clearTimeout(restoreTimer);
  restoreTimer = setTimeout(restore, 150);
}).observe(document.documentElement, { childList: true, subtree: true });

// A completed task's drafts are removed by the server, in the transaction that completes it
// (journal/TaskDraftsEndWithTheTask): a refused "Slutför" keeps the draft, whatever the page shows.

const style = document.createElement('style');
style.textContent = `.createCommentLink { display: none !important; }
dialog.stegvis-confirm { max-width: 460px; padding: 20px 24px; border: 1px solid #767676; border-radius: 4px; color: #222; }
dialog.stegvis-confirm::backdrop { background: rgba(0, 0, 0, 0.3); }
dialog.stegvis-confirm p { font-size: 15px; margin: 0 0 16px; }
dialog.stegvis-confirm .stegvis-confirm-buttons { display: flex; gap: 8px; justify-content: flex-end; }`;
document.head.appendChild(style);

// A custom script is a module whose default export lists its plugins: this one adds none.
export default [];
