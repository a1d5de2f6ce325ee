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
const AXE_SOURCE = fs.readFileSync(AXE, 'utf8');

// The case of anna's action plan (BrowserTest passes it): the case page and the journal page open it.
const PLAN_CASE = process.env.STEGVIS_PLAN_CASE;

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
  { path: '/stegvis/loggranskning.html', as: 'maria', ready: 'main' },
  { path: '/stegvis/deltagare.html', as: 'anna', ready: '#caseload:not([hidden])' },
  { path: '/stegvis/deltagare.html', as: 'maria', ready: '#caseload:not([hidden])' },
  { path: `/stegvis/arende.html?case=${PLAN_CASE}`, as: 'anna', ready: '#case:not([hidden]) #case-record h2' },
  { path: `/stegvis/journal.html?case=${PLAN_CASE}`, as: 'anna', ready: '#case-record h2' },
  { path: '/stegvis/remisser.html', as: 'rita', ready: 'main h1' }
];

// Words of an English user interface that have no place on a Swedish screen.
export const ENGLISH_WORDS = ['Select', 'required', 'Submit', 'Dashboard', 'Cancel', 'Save', 'Search', 'Loading',
  'Error', 'end of life', 'Processes', 'Decisions', 'Deployments', 'Incidents', 'Instances', 'Users', 'Groups',
  'Authorizations', 'Tasks', 'Log out', 'Sign out', 'Welcome', 'Powered by', 'Time zone', 'Add', 'Edit', 'Delete',
  'Close', 'Remove', 'Settings', 'Details', 'Show', 'Hide', 'Running', 'Suspended', 'Filter by', 'Migrate to Camunda 8'];

// Whose elements are Stegvis's own (plugins, our pages, Camunda Forms): serious findings there fail.
const STEGVIS_ELEMENTS = '[class*="stegvis"], [id^="stegvis"], .fjs-container, [data-stegvis]';


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
    // A webapp entered right after another user's session may hang on its spinner: load it once more.
    await t.page.locator(page.ready).first().waitFor({ timeout: 10_000 }).catch(async () => {
      await t.page.reload();
      await t.page.locator(page.ready).first().waitFor();
    });
    await t.page.waitForLoadState('networkidle');
    await t.page.waitForTimeout(400);
  }

  // axe-core on the page: critical and serious findings in Stegvis's elements fail; the ones in the
  // Camunda chrome are collected for docs (target/browser/axe-chrome.json).
  async function axe(t, label, own, problems) {
    if (!(await t.page.evaluate(() => Boolean(window.axe)))) {
      // Evaluated through the browser's debugging protocol: our pages' Content-Security-Policy (no
      // inline scripts) would refuse a script tag, and must not be loosened for the test.
      await t.page.evaluate(AXE_SOURCE);
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
      await t.shot(`sida-${page.as}-${page.path.replace(/^\/(camunda\/app\/)?/, '').replace(/\W+/g, '-').replace(/-+$/, '')}`);
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

  // Tab until `wanted` (a predicate on the focused element, run in the page) holds; every element on
  // the way must show where the focus is. Returns the names of the elements passed.
  async function tabTo(page, wanted, what, limit = 80) {
    const passed = [];
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(source => {
        const e = document.activeElement;
        if (!e || e === document.body) {
          return null;
        }
        const style = getComputedStyle(e);
        const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        const name = (e.getAttribute('aria-label') || e.innerText || e.value || e.placeholder || e.tagName).trim().slice(0, 40);
        return { name, visible, shown: e.offsetParent !== null, hit: new Function('e', `return (${source})(e)`)(e) };
      }, wanted.toString());
      if (!focus) {
        continue;
      }
      if (focus.shown) {
        check(focus.visible, `the focus on "${focus.name}" cannot be seen (no outline)`);
      }
      passed.push(focus.name);
      if (focus.hit) {
        return passed;
      }
    }
    throw new Error(`${what} not reached in ${limit} presses of Tab; passed: ${passed.join(' | ')}`);
  }

  // bengt opens a referral to decide, claims it and starts on the form with the keyboard only (Tab,
  // Enter, Space), the focus always visible; a required field left empty is answered in Swedish at the field.
  async function keyboardOnlyTask(t) {
    const page = t.page;
    await landOn(t, PAGES.find(p => p.as === 'bengt'));
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    // Everyone lands on "Mina uppgifter"; the working group's referrals are under "Remisser att bedöma".
    const toFilter = await tabTo(page, e => Boolean(e.closest('.task-filters')) && e.matches('a')
      && e.textContent.includes('Remisser att bedöma'), 'the filter "Remisser att bedöma"');
    check(toFilter.some(text => text.includes('Mina uppgifter')), `the filters are reached in order: ${toFilter.join(' | ')}`);
    await page.keyboard.press('Enter');
    await page.locator('.tasks-list li.task h4.task a').first().waitFor();
    await tabTo(page, e => e.matches('.tasks-list h4.task a') && e.textContent.trim() === 'Besluta om insats',
      'the task "Besluta om insats" in the list');
    await page.keyboard.press('Enter');
    await page.locator('.task-details h2.task').filter({ hasText: 'Besluta om insats' }).waitFor();
    await page.locator('.task-details .fjs-container').waitFor();
    if (await page.locator('.task-details button.claim').count() > 0) {
      await tabTo(page, e => e.matches('button.claim'), 'the button "Tilldela mig"');
      await page.keyboard.press('Space');
      await page.locator('.task-details button.claim').waitFor({ state: 'detached' });
    }
    await tabTo(page, e => e.matches('.fjs-container input[type="radio"]'), 'the form\'s first choice');
    await page.keyboard.press('Space');
    check(await page.evaluate(() => document.activeElement.checked), 'Space does not choose the focused option');
    await tabTo(page, e => Boolean(e.closest('.fjs-form-field')) && e.matches('input.flatpickr-input, input[type="text"]')
      && e.closest('.fjs-form-field').textContent.includes('Beslutsdatum'), 'the field "Beslutsdatum"');
    // "Antas till insatsen" asks for a coach: passed by without one, the field says so.
    // The field whose label is "Coach" (the form's text above it speaks of coaches too).
    const coach = page.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: /^\s*Coach\b/ }) }).first();
    await coach.locator('.fjs-form-field-error').getByText('Fältet måste fyllas i.', { exact: true }).waitFor();
    await tabTo(page, e => e.matches('button') && e.textContent.trim() === 'Spara', 'the button "Spara"');
    // Camunda Forms draws its own English message first and the Swedish one replaces it at once:
    // judge what stands once the page has settled (3 s at most).
    let english = englishWordsIn(await page.locator('.task-details').innerText());
    for (let waited = 0; english.length > 0 && waited < 3000; waited += 250) {
      await page.waitForTimeout(250);
      english = englishWordsIn(await page.locator('.task-details').innerText());
    }
    check(english.length === 0, `English in the task: ${english.join(', ')}`);
    await t.shot('formular-faltfel');
  }

  // Camunda Forms' date picker: Swedish month and day names, weeks from Monday.
  async function datePickerIsSwedish(t) {
    const page = t.page;
    const field = page.locator('.fjs-form-field').filter({ hasText: 'Beslutsdatum' }).locator('input').first();
    await field.click();
    const calendar = page.locator('.flatpickr-calendar.open');
    await calendar.waitFor();
    const days = (await calendar.locator('.flatpickr-weekday').allInnerTexts()).map(d => d.trim()).filter(Boolean);
    check(days[0] === 'mån' && days[6] === 'sön', `the weeks start with "${days[0]}" and end with "${days[6]}"`);
    const months = await calendar.locator('.flatpickr-monthDropdown-months option').allInnerTexts();
    check(months[0] === 'januari' && months[11] === 'december', `months: ${months.join(', ')}`);
    await page.keyboard.press('Escape');
    await page.locator('.fjs-form .fjs-form-field-text').first().click();
    await calendar.waitFor({ state: 'hidden' });
  }

  // bengt (still in his task) gives a decision date in the future: the server refuses it, and its
  // Swedish message stands under "Beslutsdatum"; no toast shows a class, an engine code or an id, and
  // none covers the form's buttons.
  async function serverRefusalAtTheField(t) {
    const page = t.page;
    const field = label => page.locator('.fjs-form-field').filter({
      has: page.locator('label.fjs-form-field-label').filter({ hasText: new RegExp(`^${label}\\*?$`) })
    }).first();
    // The form afresh (the task stays open: its id is in the address).
    await page.reload();
    await page.locator('.task-details .fjs-container').waitFor();
    await page.locator('.fjs-form-field').filter({ hasText: 'Antas till insatsen' }).locator('input[type="radio"]').first().check();
    await field('Coach').locator('.fjs-select-display').click();
    await field('Coach').locator('.fjs-dropdownlist-item').first().click();
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const date = field('Beslutsdatum').locator('input').first();
    await date.fill(tomorrow);
    await date.press('Enter');
    await page.locator('.fjs-form .fjs-form-field-text').first().click();
    await page.getByRole('button', { name: 'Slutför', exact: true }).click();
    const note = field('Beslutsdatum').locator('.stegvis-field-error');
    await note.filter({ hasText: /^Beslutsdatum: kan inte ligga i framtiden/ }).waitFor();
    check(await date.getAttribute('aria-invalid') === 'true', 'the refused field is not marked aria-invalid');
    const toasts = page.locator('.page-notifications .alert:visible');
    await toasts.first().waitFor().catch(() => {});
    const button = await page.getByRole('button', { name: 'Slutför', exact: true }).boundingBox();
    for (const toast of await toasts.all()) {
      const text = await toast.innerText();
      check(!/Exception|ENGINE-|[0-9a-f]{8}-[0-9a-f]{4}-|\b(?:[a-z]+\.){2,}[A-Z]/.test(text), `a toast shows technical text: ${text}`);
      const box = await toast.boundingBox();
      check(!box || box.y + box.height <= button.y || box.y >= button.y + button.height
        || box.x + box.width <= button.x || box.x >= button.x + button.width, 'a toast covers "Slutför"');
    }
    await note.scrollIntoViewIfNeeded();
    await t.shot('formular-faltfel-server');
  }

  // The report in Cockpit scrolls in an ordinary window; a wide table scrolls in its own box with its
  // first column in place; missed deadlines are drawn red and met ones green, each named in the legend.
  async function reportScrollsAndFits(t) {
    const page = t.page;
    await page.setViewportSize({ width: 1280, height: 811 });
    try {
      await landOn(t, PAGES.find(p => p.path.includes('#/stegvis-rapport')));
      const scrolled = await page.evaluate(() => {
        const box = document.querySelector('.stegvis-report-page').closest('.ctn-wrapper');
        box.scrollTop = 2000;
        return { top: box.scrollTop, height: box.scrollHeight, shown: box.clientHeight };
      });
      check(scrolled.top > 0 && scrolled.height > scrolled.shown,
        `the report does not scroll: ${JSON.stringify(scrolled)}`);
      const wide = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll('.stegvis-report-figures')];
        const box = boxes.find(b => b.scrollWidth > b.clientWidth);
        if (!box) {
          return null;
        }
        const first = box.querySelector('tbody th');
        const before = first.getBoundingClientRect().left;
        box.scrollLeft = 200;
        return { page: document.querySelector('.stegvis-report-page').scrollWidth <= document.querySelector('.stegvis-report-page').clientWidth + 1,
          moved: box.scrollLeft > 0, firstStays: Math.abs(first.getBoundingClientRect().left - before) < 1,
          focusable: box.tabIndex === 0 && Boolean(box.getAttribute('aria-label')) };
      });
      check(wide !== null, 'no table is wider than its box at 1280 px (expected the income matrix)');
      check(wide.page && wide.moved && wide.firstStays && wide.focusable, `a wide table does not fit: ${JSON.stringify(wide)}`);
      const legend = page.locator('section[data-table="deadlines"] .stegvis-report-legend li');
      const colours = {};
      for (const item of await legend.all()) {
        colours[(await item.innerText()).trim()] = await item.locator('.swatch').evaluate(e => getComputedStyle(e).backgroundColor);
      }
      const [r, g] = (colours.Missade || '').match(/\d+/g) || [];
      const [mr, mg] = (colours['I tid'] || '').match(/\d+/g) || [];
      check(Number(r) > Number(g), `"Missade" is drawn in ${colours.Missade}, not in the red family`);
      check(Number(mg) > Number(mr), `"I tid" is drawn in ${colours['I tid']}, not in the green family`);
      await t.shot('cockpit-rapport-skarm');
      // Printed from Cockpit (A4): the report alone, flowing over as many pages as it needs.
      await page.emulateMedia({ media: 'print' });
      check(!(await page.locator('[cam-widget-header]').first().isVisible()), 'Cockpit\'s header is printed with the report');
      const flow = await page.evaluate(() => getComputedStyle(document.querySelector('.stegvis-report-page').closest('.ctn-wrapper')).overflowY);
      check(flow === 'visible', `the printed report is cut at the window (overflow ${flow})`);
      const pdf = path.join(path.resolve(process.env.STEGVIS_SCREENSHOTS || 'target/browser'), 'cockpit-rapport.pdf');
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      check(fs.statSync(pdf).size > 10_000, 'the report printed from Cockpit is empty');
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  }

  return [
    { name: 'Swedish and accessible: lang="sv", no end-of-life banner, no English, axe on every page a role lands on', run: everyPage },
    { name: 'Tasklist: the referrer rita sees no "Praktikplatser" link', run: referrerSeesOnlyHerLinks },
    { name: 'Cockpit: the report scrolls and prints to A4, wide tables scroll in their own box, missed is red and met green', run: reportScrollsAndFits },
    { name: 'Tasklist: bengt walks a task with the keyboard only; the empty form answers in Swedish at its fields', run: keyboardOnlyTask },
    { name: 'Tasklist: the form\'s date picker is Swedish, weeks from Monday', run: datePickerIsSwedish },
    { name: 'Tasklist: the server\'s refusal stands in Swedish under its field, toasts are plain and leave the buttons free', run: serverRefusalAtTheField }
  ];
}
