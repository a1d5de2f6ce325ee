// Stegvis: "Mina deltagare" in the Tasklist header (plugin point tasklist.navbar.action), for
// coaches, placement coordinators, managers and administrators, next to "Praktikplatser"; for
// referrers "Mina remisser" instead. Plain ES module, no build step. Loaded through customScripts
// in scripts/config.js.
import { currentUser } from '../../../../stegvis/stegvis.js';

// The groups whose members have a caseload (se.stegvis.identity.Groups).
const CASELOAD_GROUPS = ['coach', 'praktiksamordnare', 'chef', 'camunda-admin'];
const REFERRERS = 'remittent';

function headerLink(page, icon, label, title) {
  const link = document.createElement('a');
  link.href = new URL(`../../../../stegvis/${page}`, import.meta.url).href;
  link.className = 'stegvis-caseload-link';
  link.title = title;
  const glyph = document.createElement('span');
  glyph.className = `glyphicon ${icon}`;
  glyph.setAttribute('aria-hidden', 'true');
  link.append(glyph, document.createTextNode(` ${label}`));
  return link;
}

export default {
  id: 'stegvis-caseload',
  pluginPoint: 'tasklist.navbar.action',
  priority: 60, // before "Praktikplatser" (50)
  render(node) {
    node.hidden = true;
    currentUser().then(me => {
      // Unknown groups: show the caseload link and let the page answer.
      if (me && (me.groups === null || me.groups.some(g => CASELOAD_GROUPS.includes(g)))) {
        node.replaceChildren(headerLink('deltagare.html', 'glyphicon-user', 'Mina deltagare',
          'Dina deltagare med nästa steg, och sök på namn eller personnummer'));
        node.hidden = false;
      } else if (me && me.groups.includes(REFERRERS)) {
        node.replaceChildren(headerLink('remisser.html', 'glyphicon-list-alt', 'Mina remisser',
          'Remisser du har skickat, med ärendenummer och läge'));
        node.hidden = false;
      }
    }).catch(() => {});
  }
};
