// Stegvis: "Mina deltagare" in the Tasklist header (plugin point tasklist.navbar.action), for
// coaches, placement coordinators, managers and administrators, next to "Praktikplatser".
// Plain ES module, no build step. Loaded through customScripts in scripts/config.js.
import { currentUser } from '../../../../stegvis/stegvis.js';

// The groups whose members have a caseload (se.stegvis.identity.Groups).
const CASELOAD_GROUPS = ['coach', 'praktiksamordnare', 'chef', 'camunda-admin'];

export default {
  id: 'stegvis-caseload',
  pluginPoint: 'tasklist.navbar.action',
  priority: 60, // before "Praktikplatser" (50)
  render(node) {
    const link = document.createElement('a');
    link.href = new URL('../../../../stegvis/deltagare.html', import.meta.url).href;
    link.className = 'stegvis-caseload-link';
    link.title = 'Dina deltagare med nästa steg, och sök på namn eller personnummer';
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-user';
    icon.setAttribute('aria-hidden', 'true');
    link.append(icon, document.createTextNode(' Mina deltagare'));
    node.hidden = true;
    currentUser().then(me => {
      // Unknown groups: show the link and let the page answer.
      if (me && (me.groups === null || me.groups.some(g => CASELOAD_GROUPS.includes(g)))) {
        node.replaceChildren(link);
        node.hidden = false;
      }
    }).catch(() => {});
  }
};
