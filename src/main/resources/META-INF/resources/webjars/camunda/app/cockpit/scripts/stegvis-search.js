// Stegvis: "Sök deltagare" in the Cockpit header, as on every Stegvis page: the hits open in Mina
// deltagare. Cockpit has no plugin point in its header's menu, so this module (run on load, through
// customScripts in scripts/config.js) puts the form first in the header's right-hand menu
// (nav.cam-nav) once someone is logged in (the menu then shows the account), and again whenever
// Cockpit draws the header anew. Drawn by /stegvis/header-search.js.
import { maySearch, searchForm } from '../../../../stegvis/header-search.js';

const ITEM = 'stegvis-header-search-item';
let asked = null; // the account name the answer of maySearch() is for

async function place() {
  const menu = document.querySelector('[cam-widget-header] nav.cam-nav > ul');
  const account = menu && menu.querySelector(':scope > li.account');
  if (!account) {
    asked = null; // logged out: ask again after the next login
    return;
  }
  const name = account.textContent.trim();
  if (menu.querySelector(`:scope > li.${ITEM}`) || asked === name) {
    return;
  }
  asked = name;
  if (await maySearch().catch(() => false) && !menu.querySelector(`:scope > li.${ITEM}`)) {
    const item = document.createElement('li');
    item.className = ITEM;
    item.append(searchForm('stegvis-cockpit-search'));
    menu.prepend(item);
  }
}

new MutationObserver(() => {
  place();
}).observe(document.body, { childList: true, subtree: true });
place();

// A custom script is a module whose default export lists its plugins: this one adds none.
export default [];
