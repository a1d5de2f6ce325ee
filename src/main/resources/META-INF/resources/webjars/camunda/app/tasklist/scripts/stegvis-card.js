// Stegvis: on each Tasklist card (plugin point tasklist.card), the participant's name and case
// number in full contrast, and when the step is due in words ("Försenad sedan 3 dagar") instead of
// the priority. The name is read from Stegvis's own tables when the card is shown
// (/api/cases/by-task/<taskId>/card): the engine holds no names. Plain ES module, no build step.
import { apiUrl, call, dueInWords, el, loadStylesheet } from '../../../../stegvis/stegvis.js';

loadStylesheet(new URL('stegvis-card.css', import.meta.url).pathname, 'stegvis-card');

export default {
  id: 'stegvis-card',
  pluginPoint: 'tasklist.card',
  priority: 100,
  render(node, { taskId }) {
    if (!taskId) {
      return;
    }
    call(apiUrl(`/api/cases/by-task/${encodeURIComponent(taskId)}/card`)).then(card => {
      if (!card) {
        return;
      }
      const due = card.dueInDays === null || card.dueInDays === undefined ? null
        : el('span', card.dueInDays < 0 ? 'stegvis-card-due stegvis-card-late' : 'stegvis-card-due',
          dueInWords(card.dueInDays));
      node.replaceChildren(el('div', 'stegvis-card',
        el('span', 'stegvis-card-name', card.name || ''), ' ',
        el('span', 'stegvis-card-case', card.caseNumber || ''), due ? ' · ' : null, due));
    }).catch(() => {
      // Not a Stegvis case, or not the user's to see: the card stays as Tasklist drew it.
    });
  }
};
