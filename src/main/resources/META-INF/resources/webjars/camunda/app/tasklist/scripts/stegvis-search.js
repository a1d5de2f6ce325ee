// Stegvis: "Sök deltagare" in the Tasklist header (plugin point tasklist.navbar.action), for those
// with a caseload, as on every Stegvis page: the hits open in Mina deltagare. Plain ES module, no
// build step. Loaded through customScripts in scripts/config.js; drawn by /stegvis/header-search.js.
import { maySearch, searchForm } from '../../../../stegvis/header-search.js';

export default {
  id: 'stegvis-search',
  pluginPoint: 'tasklist.navbar.action',
  priority: 70, // first of Stegvis's header items: before "Mina deltagare" (60) and "Praktikplatser" (50)
  render(node) {
    node.hidden = true;
    maySearch().then(may => {
      if (may) {
        node.replaceChildren(searchForm('stegvis-tasklist-search'));
        node.hidden = false;
      }
    }).catch(() => {});
  }
};
