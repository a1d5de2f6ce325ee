// Stegvis: "Sök deltagare" in the Cockpit header, as on every Stegvis page: the hits open in Mina
// deltagare. Cockpit has no plugin point in its header's menu, so this module (run on load, through
// customScripts in scripts/config.js) puts the form first in the header's right-hand menu
// (nav.cam-nav), once the header is drawn and again if Cockpit draws it anew. Drawn by
// /stegvis/header-search.js.
import { maySearch, searchForm } from '../../../../stegvis/header-search.js';

const ITEM = 'stegvis-header-search-item';

function place() {
  const menu = document.querySelector('[cam-widget-header] nav.cam-nav > ul');
  if (!menu || menu.querySelector(`:scope > li.${ITEM}`)) {
    return;
  }
  const item = document.createElement('li');
  item.className = ITEM;
  item.append(searchForm('stegvis-cockpit-search'));
  menu.prepend(item);
}

maySearch().then(may => {
  if (!may) {
    return;
  }
  place();
  new MutationObserver(place).observe(document.body, { childList: true, subtree: true });
}).catch(() => {});

// A custom script is a module whose default export lists its plugins: this one adds none.
export default [];
