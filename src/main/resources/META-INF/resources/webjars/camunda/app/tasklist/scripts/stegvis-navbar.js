// Stegvis: the link "Praktikplatser" in the Tasklist header (plugin point tasklist.navbar.action),
// to the registry of workplaces at <context path>/stegvis/praktikplatser.html.
// Plain ES module, no build step. Loaded through customScripts in scripts/config.js.
// Tasklist renders each navbar action in <li class="<id>"> of the header's list, next to
// "Starta process" and "Skapa uppgift" (whose template is <a><span class="glyphicon …"></span> text</a>).
// The link is shown only to the staff the registry is for (as WorkplaceController decides): a
// referrer at a party never sees a link that would refuse her.

import { currentUser } from '../../../../stegvis/stegvis.js';

const STAFF = ['beredningsgrupp', 'coach', 'praktiksamordnare', 'chef', 'camunda-admin'];

// The registry lives beside the webapps: <base app-root> holds <context path>/camunda.
function pageUrl() {
  const base = document.querySelector('base[app-root]');
  const appRoot = base ? base.getAttribute('app-root') : '/camunda';
  return appRoot.replace(/\/[^/]*\/?$/, '') + '/stegvis/praktikplatser.html';
}

export default {
  id: 'stegvis-workplaces',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50, // after "Starta process" (100) and "Skapa uppgift" (200)
  render(node) {
    const link = document.createElement('a');
    link.href = pageUrl();
    link.className = 'stegvis-workplaces-link';
    link.title = 'Registret över arbetsplatser som tar emot deltagare på praktik';
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-briefcase';
    icon.setAttribute('aria-hidden', 'true');
    link.append(icon, document.createTextNode(' Praktikplatser'));
    node.replaceChildren();
    currentUser().then(user => {
      if (user && Array.isArray(user.groups) && user.groups.some(group => STAFF.includes(group))) {
        node.replaceChildren(link);
      }
    }).catch(() => {});
  }
};
