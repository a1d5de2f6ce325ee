// Stegvis: on each Tasklist card (plugin point tasklist.card), the participant's name and case
// number in full contrast, and when the step is due in words ("Försenad sedan 3 dagar") instead of
// the priority. The name is read from Stegvis's own tables when the card is shown
// (/api/cases/by-task/<taskId>/card): the engine holds no names. Plain ES module, no build step.
import { apiUrl, call, dueInWords, el, loadStylesheet } from '../../../../stegvis/stegvis.js';

loadStylesheet(new URL('stegvis-card.css', import.meta.url).pathname, 'stegvis-card');

// Tasklist redraws its cards at every refresh of the list: each card's case is asked for once a
// few minutes, not at every redraw (each answer is a logged read of the case).
const CARDS = new Map();
const KEEP_MS = 5 * 60 * 1000;

function cardOf(taskId) {
  const kept = CARDS.get(taskId);
  if (kept && Date.now() - kept.at < KEEP_MS) {
    return kept.card;
  }
  const card = call(apiUrl(`/api/cases/by-task/${encodeURIComponent(taskId)}/card`));
  CARDS.set(taskId, { at: Date.now(), card });
  card.catch(() => CARDS.delete(taskId));
  return card;
}

export default {
  id: 'stegvis-card',
  pluginPoint: 'tasklist.card',
  priority: 100,
  render(node, { taskId }) {
    if (!taskId) {
      return;
    }
    cardOf(taskId).then(card => {
      if (!card) {
        return;
      }
      const due = card.dueInDays === null || card.dueInDays === undefined ? null
        : el('span', card.dueInDays < 0 ? 'stegvis-card-due stegvis-card-late' : 'stegvis-card-due',
          dueInWords(card.dueInDays));
      const line = el('div', 'stegvis-card',
        el('span', 'stegvis-card-name', card.name || ''), ' ',
        el('span', 'stegvis-card-case', card.caseNumber || ''), due ? ' · ' : null, due);
      // The plugin's own place is in the card's details, which Tasklist folds away under a fading
      // shutter: the line goes under the task's name, where it is read at a glance.
      const task = node.closest('li.task');
      const heading = task && task.querySelector('h4.task');
      if (heading) {
        task.querySelectorAll('.stegvis-card').forEach(old => old.remove());
        heading.after(line);
        node.replaceChildren();
      } else {
        node.replaceChildren(line);
      }
    }).catch(() => {
      // Not a Stegvis case, or not the user's to see: the card stays as Tasklist drew it.
    });
  }
};
