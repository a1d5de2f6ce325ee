// Stegvis: "Rapport", the steering-group report as a Cockpit page (plugin point cockpit.route,
// #/stegvis-rapport) with a link in Cockpit's header (cockpit.navigation). Plain ES module, no
// build step, loaded through customScripts in scripts/config.js. The page itself is drawn by the
// shared modules under /stegvis/ (report-controls.js, report.js), which also serve rapport.html,
// the printable version.

import { loadStylesheet } from '../../../../stegvis/stegvis.js';
import { mountReport } from '../../../../stegvis/report-controls.js';
import { reportQuery } from '../../../../stegvis/report.js';

const PATH = '/stegvis-rapport';
const STYLESHEET = new URL('../../../../stegvis/report.css', import.meta.url).pathname;
const PRINTABLE = new URL('../../../../stegvis/rapport.html', import.meta.url).pathname;

// The page's choices live in the hash's query (#/stegvis-rapport?project=…&from=…&to=…), so a
// report can be bookmarked and sent to a colleague.
function initialQuery() {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  const params = new URLSearchParams(at >= 0 ? hash.slice(at + 1) : '');
  return { project: params.get('project') || '', from: params.get('from') || '', to: params.get('to') || '' };
}

function remember(query) {
  const target = `#${PATH}?${reportQuery(query)}`;
  if (window.location.hash !== target) {
    window.history.replaceState(null, '', target);
  }
}

let stopShown = null;

const page = {
  id: 'stegvis-report',
  pluginPoint: 'cockpit.route',
  priority: 0,
  properties: { path: PATH },
  render(node) {
    loadStylesheet(STYLESHEET, 'report');
    const root = document.createElement('div');
    root.className = 'stegvis-report-page container-fluid';
    const title = document.createElement('h1');
    title.textContent = 'Rapport till styrgrupp och nationell uppföljning';
    const reportNode = document.createElement('div');
    root.append(title, reportNode);
    node.replaceChildren(root);
    if (stopShown) {
      stopShown();
    }
    stopShown = mountReport(reportNode, {
      initial: initialQuery(),
      printUrl: query => `${PRINTABLE}?${reportQuery(query)}`,
      onChange: remember
    });
  },
  unmount() {
    if (stopShown) {
      stopShown();
      stopShown = null;
    }
  }
};

const navigation = {
  id: 'stegvis-report-navigation',
  pluginPoint: 'cockpit.navigation',
  priority: 50,
  properties: {
    label: 'Rapport',
    pagePath: `#${PATH}`,
    checkActive: url => url.indexOf(`#${PATH}`) >= 0
  }
};

export default [page, navigation];
