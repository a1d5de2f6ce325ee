// Stegvis in a real browser: Debian's chromium driven by playwright-core against a running app.
// Run by the JUnit test se.stegvis.system.BrowserTest (which starts the app with the demo data and
// installs this folder with `npm ci`); by hand against any running app with demo data:
//
//   STEGVIS_URL=http://localhost:8080 node .ci/browser/browser-test.mjs
//
// Environment:
//   STEGVIS_URL              the app's base URL (required)
//   STEGVIS_CHROMIUM         the browser (default /usr/bin/chromium)
//   STEGVIS_SCREENSHOTS      folder for the screenshots (default target/browser)
//   STEGVIS_PLAN_CASE        case number of anna's "Upprätta handlingsplan" (checked in the Ärende tab)
//   STEGVIS_OVERDUE_CASE     case number with an overdue step that Cockpit's "Försenade steg" must list
//   STEGVIS_BROWSER_HEADED   "true" to watch the browser (needs a display)
//
// The placement checks need a fresh demo: anna asks for a placement in one of her active cases that
// has none under way, and pia registers a workplace under a name unique to the run (so a second run
// against the same app finds anna's other active case, and fails once none is left). pia then runs
// that placement to its end in Tasklist (match with the run's workplace, visit, work plan, follow-up
// that ends it) and the stored placement is read back from the app's API.
//
// Every check is one function in CHECKS below, run in order in one browser; the first failure stops
// the run with a screenshot and exit code 1. To add a check, write a function taking the shared
// context `t` and put it in CHECKS where its preconditions hold (who is logged in, which page).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { swedishChecks } from './checks-swedish.mjs';
import * as caseload from './checks-caseload.mjs';
import { journalChecks } from './checks-journal.mjs';
import * as dialogs from './checks-dialogs.mjs';

const BASE = (process.env.STEGVIS_URL || '').replace(/\/+$/, '');
if (!BASE) {
  console.error('browser: STEGVIS_URL is not set (e.g. http://localhost:8080)');
  process.exit(2);
}
const CHROMIUM = process.env.STEGVIS_CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.resolve(process.env.STEGVIS_SCREENSHOTS || 'target/browser');
const PLAN_CASE = process.env.STEGVIS_PLAN_CASE || null;
const OVERDUE_CASE = process.env.STEGVIS_OVERDUE_CASE || null;
const TIMEOUT = 20_000;

const TASKLIST = `${BASE}/camunda/app/tasklist/`;
const COCKPIT = `${BASE}/camunda/app/cockpit/`;
const PLAN_TASK = 'Upprätta handlingsplan';
const MEETING_TASK = 'Håll flerpartssamtal';
const MATCH_TASK = 'Matcha praktikplats';
const VISIT_TASK = 'Besök arbetsplatsen';
const WORK_PLAN_TASK = 'Upprätta arbetsplan';
const FOLLOW_UP_TASK = 'Följ upp praktiken';
const WORKPLACES = `${BASE}/stegvis/praktikplatser.html`;
const PLACEMENT_REQUESTED = 'Praktik begärd – praktiksamordnaren får en uppgift att matcha.';
// A workplace of this run: its name is unique, its employer's name is shown as text, not as HTML.
const RUN = Date.now().toString(36);
const WORKPLACE = {
  organisationNumber: '556036-0793',
  employerName: 'Testbolaget <i>AB</i>',
  employerKind: 'Privat företag',
  name: `Butiken ${RUN}`,
  sector: 'Handel och butik',
  streetAddress: 'Storgatan 1',
  postalCode: '921 31',
  area: 'Lycksele',
  capacity: '2',
  contactName: 'Kim Lundgren',
  contactPhone: '0950-123 45',
  supervisorName: 'Sam Holm'
};

// Today in Sweden, as the date field expects it (yyyy-mm-dd).
const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
// The planned end of the run's placement: 60 days after today.
const IN_60_DAYS = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Tasklist, as the coach anna with a Swedish browser

async function tasklistLoginPageIsSwedish(t) {
  await t.page.goto(TASKLIST);
  // Texts of locales/sv.json: the login form is translated before anyone logs in.
  await t.page.getByPlaceholder('Användarnamn', { exact: true }).waitFor();
  await t.page.getByPlaceholder('Lösenord', { exact: true }).waitFor();
  await t.page.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
  await t.shot('tasklist-login');
}

async function tasklistLoginAsAnna(t) {
  await login(t.page, 'anna', 'demo');
  // The header after login, in Swedish ("Starta process", "Skapa uppgift").
  await t.page.getByText('Starta process', { exact: true }).waitFor();
  await t.page.getByText('Skapa uppgift', { exact: true }).waitFor();
  await t.page.getByText('Anna Lind', { exact: true }).first().waitFor();
  const language = await t.page.evaluate(() => window.angular.element(document.body).injector().get('$translate').use());
  check(language === 'sv', `Tasklist chose the language "${language}", expected "sv"`);
  await t.shot('tasklist-start');
}

async function openMyTasks(t) {
  await t.page.locator('.task-filters .item').filter({ hasText: 'Mina uppgifter' }).first().click();
  await t.page.locator('.task-filters .item.active').filter({ hasText: 'Mina uppgifter' }).waitFor();
  await taskInList(t.page, PLAN_TASK).waitFor();
  await t.shot('tasklist-mina-uppgifter');
}

async function openActionPlanTask(t) {
  await taskInList(t.page, PLAN_TASK).locator('h4.task a').first().click();
  await t.page.locator('.task-details').getByText(PLAN_TASK, { exact: true }).first().waitFor();
  // The task's tabs are Swedish too.
  await t.page.locator('.task-details').getByText('Formulär', { exact: true }).first().waitFor();
  await t.page.getByLabel('Mål').waitFor();
  await t.shot('tasklist-handlingsplan');
}

// The "Ärende" tab (Tasklist plugin stegvis-case): the case of the open task, by its case number.
async function caseTabShowsCaseNumber(t) {
  const details = t.page.locator('.task-details');
  await details.locator('.nav-tabs').getByText('Ärende', { exact: true }).click();
  const heading = PLAN_CASE ? `Ärende ${PLAN_CASE}` : /Ärende [A-Z0-9]+-\d{4}-\d{4}/;
  await details.locator('.stegvis-case h3').filter({ hasText: heading }).waitFor();
  await details.locator('.stegvis-case').getByText('Tidsfrister', { exact: true }).waitFor();
  await t.shot('tasklist-arende');
  await details.locator('.nav-tabs').getByText('Formulär', { exact: true }).click();
  await t.page.getByLabel('Mål').waitFor();
}

async function completeActionPlan(t) {
  const page = t.page;
  await page.getByLabel('Mål').fill('Praktik inom handel inom tre månader; på sikt anställning.');
  await page.getByLabel('Aktiviteter och ansvar').fill(
    'Coachsamtal varje vecka (coachen); AF ordnar praktikplats (AF); studiebesök (deltagaren).');
  await fillDate(page, 'Planen upprättad', TODAY, page.getByLabel('Mål'));
  await t.shot('tasklist-handlingsplan-ifylld');
  await page.getByRole('button', { name: 'Slutför', exact: true }).click();
  // The task closes; Tasklist asks for the next one (SELECT_TASK_IN_LIST of sv.json).
  await page.locator('.task-details .no-task').getByText('Välj en uppgift i listan.', { exact: true }).waitFor();
  await taskInList(page, PLAN_TASK).waitFor({ state: 'detached' });
  // Reload the filter from the server: the task stays gone.
  await page.reload();
  await page.locator('.task-filters .item.active').filter({ hasText: 'Mina uppgifter' }).waitFor();
  await page.locator('.tasks-list li.task').first().waitFor();
  check(await taskInList(page, PLAN_TASK).count() === 0, `"${PLAN_TASK}" is still in "Mina uppgifter"`);
  await t.shot('tasklist-slutford');
}

// Dates and "om 3 dagar"/"för 3 dagar sedan" in Swedish (dateLocales of locales/sv.json). Camunda
// 7.24 applies the dateLocales of every locale file it loads, the user's and the fallback "en", to
// moment as each arrives; scripts/stegvis-date-locale.js keeps moment on the language Tasklist chose.
// The check delays en.json, so that the order that used to lose is the one tested.
async function tasklistDatesAreSwedish(t) {
  const page = await t.context.newPage();
  try {
    // As on a first visit: Tasklist caches the locale files in localStorage, and from the cache
    // they are applied in a fixed order.
    await page.addInitScript(() => window.localStorage.clear());
    await page.route('**/app/tasklist/locales/en.json*', async route => {
      await new Promise(resolve => setTimeout(resolve, 1500));
      await route.continue();
    });
    const english = page.waitForResponse(response => response.url().includes('/app/tasklist/locales/en.json'));
    await page.goto(TASKLIST);
    await english;
    await page.waitForTimeout(500);
    const locale = await page.evaluate(() => window.angular.element(document.body).injector().get('moment').locale());
    check(locale === 'sv', `dates are formatted with the moment locale "${locale}", expected "sv"`);
    // A list rendered after both files arrived.
    await page.locator('.task-filters .item').filter({ hasText: 'Mina uppgifter' }).first().click();
    await page.locator('.tasks-list li.task .creation-date').first().waitFor();
    const created = (await page.locator('.tasks-list li.task .creation-date').first().innerText()).trim();
    check(/^Skapad (för .* sedan|om )/.test(created), `task list date not in Swedish: "${created}"`);
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Praktik in Tasklist's "Ärende" tab, as the coach anna (still logged in)

// A task "Håll flerpartssamtal" of anna's whose case is in participation with no placement under way:
// its "Ärende" tab offers "Begär praktik" (under "Alla uppgifter": a meeting two months ahead is not in the inbox yet).
// Leaves that task open on the tab.
async function caseTabOffersPlacementRequest(t) {
  const page = t.page;
  const details = page.locator('.task-details');
  await page.locator('.task-filters .item').filter({ hasText: 'Alla uppgifter' }).first().click();
  await page.locator('.task-filters .item.active').filter({ hasText: 'Alla uppgifter' }).waitFor();
  const tasks = taskInList(page, MEETING_TASK);
  await tasks.first().waitFor();
  const count = await tasks.count();
  for (let i = 0; i < count; i++) {
    await tasks.nth(i).locator('h4.task a').first().click();
    await details.getByText(MEETING_TASK, { exact: true }).first().waitFor();
    await details.locator('.nav-tabs').getByText('Ärende', { exact: true }).click();
    const tab = details.locator('.stegvis-case');
    await tab.locator('.stegvis-placements').waitFor();
    // The form is added once the user's right to ask is known.
    await page.waitForTimeout(300);
    const form = tab.locator('form.stegvis-placement-request');
    if (await form.count() === 0) {
      await form.waitFor({ timeout: 1500 }).catch(() => {});
    }
    if (await form.count() > 0) {
      await form.getByLabel('Bransch').locator('option').nth(1).waitFor({ state: 'attached' });
      // The tab scrolls inside Tasklist's column: the section, not the whole tab.
      await t.shot('tasklist-arende-begar-praktik', tab.locator('.stegvis-placements'));
      return;
    }
  }
  throw new Error(`none of anna's ${count} "${MEETING_TASK}" tasks offers "Begär praktik" in the tab "Ärende"`);
}

async function coachRequestsPlacement(t) {
  const tab = t.page.locator('.task-details .stegvis-case');
  const form = tab.locator('form.stegvis-placement-request');
  const heading = (await tab.locator('h3').first().innerText()).trim();
  // Without a sector the server answers with its Swedish message, shown in the form.
  await form.getByRole('button', { name: 'Begär praktik', exact: true }).click();
  await form.getByText('Önskad bransch: måste fyllas i.', { exact: true }).waitFor();
  await form.getByLabel('Bransch').selectOption({ label: 'Handel och butik' });
  await form.getByLabel('Önskad ort').fill('Lycksele');
  await form.getByRole('button', { name: 'Begär praktik', exact: true }).click();
  await tab.getByText(PLACEMENT_REQUESTED, { exact: true }).waitFor();
  const placement = tab.locator('.stegvis-placement').first();
  await placement.locator('.stegvis-placement-status').filter({ hasText: /^Begärd/ }).waitFor();
  await placement.getByText('Handel och butik, Lycksele', { exact: false }).waitFor();
  check(await tab.locator('form.stegvis-placement-request').count() === 0,
    'the form "Begär praktik" is still offered with a placement under way');
  await t.shot('tasklist-arende-praktik-begard', tab.locator('.stegvis-placements'));
  t.placementCase = heading.replace(/^Ärende\s+/, '');
}

// Coaches read the registry; adding and changing is for the placement coordinators.
async function coachReadsRegistry(t) {
  const page = await t.context.newPage();
  try {
    await page.goto(WORKPLACES);
    await page.getByRole('heading', { name: 'Praktikplatser', level: 1 }).waitFor();
    await page.locator('#workplaces thead').waitFor();
    await page.locator('#summary').filter({ hasText: /arbetsplats/ }).waitFor();
    check(await page.getByRole('button', { name: 'Ny arbetsplats' }).isHidden(),
      'anna (coach) is offered "Ny arbetsplats"');
    check(await page.locator('#workplaces tbody button').count() === 0, 'anna (coach) is offered "Ändra"');
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Praktikplatser, as the placement coordinator pia

async function tasklistLoginAsPia(t) {
  await t.context.clearCookies();
  // Without a session the registry says so, and links to Tasklist's login.
  await t.page.goto(WORKPLACES);
  await t.page.locator('#page-message').getByRole('link', { name: 'Logga in i Tasklist' }).waitFor();
  await t.shot('praktikplatser-ej-inloggad');
  await t.page.goto(TASKLIST);
  await login(t.page, 'pia', 'demo');
  await t.page.getByText('Pia Holmberg', { exact: true }).first().waitFor();
  // The header link of the plugin stegvis-navbar.
  await t.page.locator('.stegvis-workplaces a').getByText('Praktikplatser', { exact: true }).waitFor();
  await t.shot('tasklist-pia');
}

// anna's request became the coordinators' task; its "Ärende" tab shows the case with the placement.
async function coordinatorHasMatchTask(t) {
  const page = t.page;
  await page.locator('.task-filters .item').filter({ hasText: 'Min grupps uppgifter' }).first().click();
  await page.locator('.task-filters .item.active').filter({ hasText: 'Min grupps uppgifter' }).waitFor();
  // The demo has a placement to match of its own: open the one of anna's request, by its case number.
  const card = t.placementCase ? taskInList(page, MATCH_TASK).filter({ hasText: t.placementCase })
    : taskInList(page, MATCH_TASK);
  await card.first().locator('h4.task a').first().click();
  const details = page.locator('.task-details');
  await details.getByText(MATCH_TASK, { exact: true }).first().waitFor();
  await details.locator('.nav-tabs').getByText('Ärende', { exact: true }).click();
  const tab = details.locator('.stegvis-case');
  if (t.placementCase) {
    await tab.locator('h3').filter({ hasText: `Ärende ${t.placementCase}` }).waitFor();
  }
  await tab.locator('.stegvis-placement-status').filter({ hasText: /^Begärd/ }).first().waitFor();
  await t.shot('tasklist-matcha-praktikplats', tab.locator('.stegvis-placements'));
}

async function registryOpensFromTasklist(t) {
  await t.page.locator('.stegvis-workplaces a').getByText('Praktikplatser', { exact: true }).click();
  await t.page.waitForURL(/\/stegvis\/praktikplatser\.html$/);
  await t.page.getByRole('heading', { name: 'Praktikplatser', level: 1 }).waitFor();
  await t.page.getByText('Inloggad som Pia Holmberg', { exact: true }).waitFor();
  await t.page.locator('#summary').filter({ hasText: /arbetsplats/ }).waitFor();
  await t.page.getByRole('button', { name: 'Ny arbetsplats', exact: true }).waitFor();
  await t.shot('praktikplatser');
}

async function fillWorkplace(form, values) {
  for (const [label, value] of [['Organisationsnummer', values.organisationNumber],
    ['Arbetsgivare', values.employerName], ['Arbetsplats', values.name], ['Besöksadress', values.streetAddress],
    ['Postnummer', values.postalCode], ['Ort', values.area], ['Antal praktikplatser', values.capacity],
    ['Kontaktperson', values.contactName], ['Kontaktpersonens telefon', values.contactPhone],
    ['Handledare', values.supervisorName]]) {
    await form.getByLabel(label, { exact: true }).fill(value);
  }
  await form.getByLabel('Typ av arbetsgivare', { exact: true }).selectOption({ label: values.employerKind });
  await form.getByLabel('Bransch', { exact: true }).selectOption({ label: values.sector });
  await form.getByLabel('Introduktion genomförd', { exact: true }).fill(TODAY);
}

// An organisation number with a wrong check digit: the server's Swedish message next to the form,
// the field marked, everything typed still there.
async function invalidOrganisationNumberRefused(t) {
  const page = t.page;
  await page.getByRole('button', { name: 'Ny arbetsplats', exact: true }).click();
  const form = page.locator('#workplace-form');
  await page.locator('#editor-title').getByText('Ny arbetsplats', { exact: true }).waitFor();
  await fillWorkplace(form, { ...WORKPLACE, organisationNumber: '556036-0794' });
  await form.getByRole('button', { name: 'Lägg till', exact: true }).click();
  const errors = page.locator('#editor-errors');
  await errors.getByText('Organisationsnummer: kontrollsiffran stämmer inte. Kontrollera numret och skriv det igen.',
    { exact: true }).waitFor();
  const number = form.getByLabel('Organisationsnummer', { exact: true });
  check(await number.getAttribute('aria-invalid') === 'true', 'Organisationsnummer is not marked as invalid');
  check(await number.inputValue() === '556036-0794', `Organisationsnummer holds "${await number.inputValue()}"`);
  const name = await form.getByLabel('Arbetsplats', { exact: true }).inputValue();
  check(name === WORKPLACE.name, `Arbetsplats holds "${name}" after the refusal, expected "${WORKPLACE.name}"`);
  await t.shot('praktikplatser-fel-organisationsnummer');
}

async function coordinatorRegistersWorkplace(t) {
  const page = t.page;
  const form = page.locator('#workplace-form');
  await form.getByLabel('Organisationsnummer', { exact: true }).fill(WORKPLACE.organisationNumber);
  await form.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await page.locator('#page-message').filter({ hasText: `${WORKPLACE.name} (` }).waitFor();
  check(await page.locator('#editor').isHidden(), 'the form stays open after saving');
  const row = workplaceRow(page, WORKPLACE.name);
  await row.waitFor();
  const cells = (await row.locator('td').allInnerTexts()).map(c => c.trim());
  check(cells[1].startsWith(WORKPLACE.employerName), `employer shown as "${cells[1]}", expected the text "${WORKPLACE.employerName}"`);
  check(cells[2] === WORKPLACE.area, `Ort "${cells[2]}"`);
  check(cells[3] === WORKPLACE.sector, `Bransch "${cells[3]}"`);
  check(cells[4] === '2/2', `Platser "${cells[4]}", expected 2/2`);
  check(cells[5] === TODAY, `Introduktion "${cells[5]}", expected ${TODAY}`);
  check(cells[8] === 'Ja', `Aktiv "${cells[8]}"`);
  await t.shot('praktikplatser-tillagd');
  // The search finds it, and only it.
  await page.getByLabel('Sök', { exact: true }).fill(RUN);
  await page.locator('#summary').filter({ hasText: /^1 arbetsplats, 2 lediga platser\.$/ }).waitFor();
  await row.waitFor();
  await page.getByLabel('Bransch', { exact: true }).first().selectOption({ label: 'Vård och omsorg' });
  await page.getByText('Inga arbetsplatser matchar urvalet.', { exact: true }).waitFor();
  await page.getByLabel('Bransch', { exact: true }).first().selectOption({ label: WORKPLACE.sector });
  await row.waitFor();
  await t.shot('praktikplatser-sok');
}

// The same form, filled in with the workplace; saved with the version read; made inactive.
async function coordinatorChangesWorkplace(t) {
  const page = t.page;
  const row = workplaceRow(page, WORKPLACE.name);
  await row.getByRole('button', { name: `Ändra ${WORKPLACE.name}` }).click();
  const form = page.locator('#workplace-form');
  await page.locator('#editor-title').getByText(`Ändra ${WORKPLACE.name}`, { exact: true }).waitFor();
  const employer = await form.getByLabel('Arbetsgivare', { exact: true }).inputValue();
  check(employer === WORKPLACE.employerName, `Arbetsgivare holds "${employer}"`);
  const active = form.getByLabel('Aktiv (erbjuds vid matchning)');
  check(await active.isChecked(), 'Aktiv is not ticked for an active workplace');
  await form.getByLabel('Antal praktikplatser', { exact: true }).fill('3');
  await active.uncheck();
  await t.shot('praktikplatser-andra');
  await form.getByRole('button', { name: 'Spara ändringarna', exact: true }).click();
  await page.locator('#page-message').getByText(`Ändringarna av ${WORKPLACE.name} är sparade.`, { exact: true }).waitFor();
  // Inactive workplaces are listed only on request.
  await row.waitFor({ state: 'detached' });
  await page.getByLabel('Visa inaktiva', { exact: true }).check();
  await row.waitFor();
  const cells = (await row.locator('td').allInnerTexts()).map(c => c.trim());
  check(cells[4] === '3/3', `Platser "${cells[4]}", expected 3/3`);
  check(cells[8] === 'Nej', `Aktiv "${cells[8]}", expected Nej`);
  await t.shot('praktikplatser-andrad');
}

function workplaceRow(page, name) {
  return page.locator('#workplaces tbody tr').filter({
    has: page.locator('td .name').getByText(name, { exact: true })
  });
}

// Before it is matched: the run's workplace active again (still 3 places), so matching offers it.
async function coordinatorReactivatesWorkplace(t) {
  const page = t.page;
  const row = workplaceRow(page, WORKPLACE.name);
  await row.getByRole('button', { name: `Ändra ${WORKPLACE.name}` }).click();
  const form = page.locator('#workplace-form');
  await page.locator('#editor-title').getByText(`Ändra ${WORKPLACE.name}`, { exact: true }).waitFor();
  const active = form.getByLabel('Aktiv (erbjuds vid matchning)');
  check(!await active.isChecked(), 'Aktiv is ticked for an inactive workplace');
  await active.check();
  await form.getByRole('button', { name: 'Spara ändringarna', exact: true }).click();
  await page.locator('#page-message').getByText(`Ändringarna av ${WORKPLACE.name} är sparade.`, { exact: true }).waitFor();
  await page.getByLabel('Visa inaktiva', { exact: true }).uncheck();
  await row.waitFor();
  const cells = (await row.locator('td').allInnerTexts()).map(c => c.trim());
  check(cells[4] === '3/3', `Platser "${cells[4]}", expected 3/3`);
  check(cells[8] === 'Ja', `Aktiv "${cells[8]}", expected Ja`);
  await t.shot('praktikplatser-aktiv-igen');
}

// ---------------------------------------------------------------------------------------------
// The placement of anna's request, run to its end in Tasklist by pia with the Camunda Forms

// "Matcha praktikplats" of the run's case, from pia's group: claimed, matched with the run's workplace.
async function coordinatorMatchesWorkplace(t) {
  const page = t.page;
  await page.goto(TASKLIST);
  await openCaseTask(t, 'Min grupps uppgifter', MATCH_TASK);
  await claimTask(page);
  let option = null;
  for (let attempt = 0; attempt < 2 && !option; attempt++) {
    if (attempt > 0) {
      // The options are the task's variable workplaceOptions: read again with the task.
      await page.reload();
      await openCaseTask(t, 'Mina uppgifter', MATCH_TASK);
    }
    await page.getByLabel('Matcha med arbetsplats', { exact: true }).check();
    const options = await openSelect(page, 'Arbetsplats');
    const wanted = options.filter({ hasText: new RegExp(`^${WORKPLACE.name}, `) });
    if (await wanted.count() > 0) {
      option = wanted.first();
    } else {
      await page.keyboard.press('Escape');
    }
  }
  check(option, `"${WORKPLACE.name}" is not offered in "${MATCH_TASK}" of ${t.placementCase}`);
  const label = (await option.innerText()).trim();
  check(label === `${WORKPLACE.name}, ${WORKPLACE.area} – ${WORKPLACE.employerName} (3 lediga platser)`,
    `the workplace is offered as "${label}"`);
  await option.click();
  const shown = (await selectField(page, 'Arbetsplats').locator('.fjs-select-display').innerText()).trim();
  check(shown === label, `Arbetsplats shows "${shown}" after the choice, expected "${label}"`);
  await fillDate(page, 'Matchad', TODAY);
  await t.shot('tasklist-matcha-ifylld');
  await completeTask(t, MATCH_TASK, VISIT_TASK);
}

// "Besök arbetsplatsen" comes to pia herself, who matched.
async function coordinatorVisitsWorkplace(t) {
  const page = t.page;
  await openCaseTask(t, 'Mina uppgifter', VISIT_TASK);
  await checkWorkplaceSummary(page);
  await fillDate(page, 'Besöksdatum', TODAY);
  await page.getByLabel('Handledaren på plats träffad', { exact: true }).check();
  await page.getByLabel('Introduktion för praktikvärdar given vid besöket', { exact: true }).check();
  await field(page, 'Anteckningar från besöket').fill(
    'Träffade handledaren Sam Holm; arbetsplatsen passar deltagarens önskemål om handel.');
  await page.getByLabel('Ja, gå vidare till arbetsplan', { exact: true }).check();
  await t.shot('tasklist-besok-ifyllt');
  await completeTask(t, VISIT_TASK, WORK_PLAN_TASK);
}

async function coordinatorAgreesWorkPlan(t) {
  const page = t.page;
  await openCaseTask(t, 'Mina uppgifter', WORK_PLAN_TASK);
  await checkWorkplaceSummary(page);
  await field(page, 'Mål med praktiken').fill('Arbetslivserfarenhet inom butik; referens inför anställning.');
  await field(page, 'Arbetsuppgifter').fill('Varupåfyllning, kassa med handledare, kundbemötande.');
  await field(page, 'Timmar per vecka').fill('20');
  await fillDate(page, 'Praktiken börjar', TODAY);
  await fillDate(page, 'Praktiken slutar', IN_60_DAYS);
  await fillDate(page, 'Arbetsplanen överenskommen', TODAY);
  await page.getByLabel('Överenskommen med arbetsgivaren', { exact: true }).check();
  await page.getByLabel('Överenskommen med deltagaren', { exact: true }).check();
  await t.shot('tasklist-arbetsplan-ifylld');
  await completeTask(t, WORK_PLAN_TASK, FOLLOW_UP_TASK);
}

// The first follow-up ends the placement the same day: the participant was offered employment.
async function coordinatorEndsPlacement(t) {
  const page = t.page;
  await openCaseTask(t, 'Mina uppgifter', FOLLOW_UP_TASK);
  await checkWorkplaceSummary(page);
  await fillDate(page, 'Besöksdatum', TODAY);
  await page.getByLabel('Närvaro enligt arbetsplanen', { exact: true }).check();
  await field(page, 'Anteckningar från besöket').fill(
    'Arbetsgivaren erbjuder deltagaren en visstidsanställning från nästa vecka.');
  await page.getByLabel('Praktiken avslutas', { exact: true }).check();
  await fillDate(page, 'Praktikens sista dag', TODAY);
  await chooseOption(page, 'Utfall', 'Erbjuden anställning');
  await chooseOption(page, 'Anställningsform', 'Visstidsanställning');
  await t.shot('tasklist-uppfoljning-ifylld');
  await completeTask(t, FOLLOW_UP_TASK);
  // The placement process has ended: no task of the case is left for pia.
  await page.reload();
  await page.locator('.task-filters .item').filter({ hasText: 'Mina uppgifter' }).first().click();
  await page.locator('.task-filters .item.active').filter({ hasText: 'Mina uppgifter' }).waitFor();
  // The demo gives pia placements of her own: the list is read once they show.
  await page.locator('.tasks-list li.task').first().waitFor();
  for (const name of [MATCH_TASK, VISIT_TASK, WORK_PLAN_TASK, FOLLOW_UP_TASK]) {
    check(await taskInList(page, name).filter({ hasText: t.placementCase }).count() === 0,
      `"${name}" of ${t.placementCase} is still in pia's "Mina uppgifter"`);
  }
  await t.shot('tasklist-praktik-avslutad');
}

// What the forms stored, as the app's API gives it to pia.
async function placementIsStored(t) {
  const answer = await t.page.evaluate(async caseNumber => {
    const response = await fetch(`/api/cases/${encodeURIComponent(caseNumber)}/placements`,
      { headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' } });
    return { status: response.status, body: await response.text() };
  }, t.placementCase);
  check(answer.status === 200, `GET /api/cases/${t.placementCase}/placements answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  const placement = JSON.parse(answer.body).find(p => p.workplace === WORKPLACE.name);
  check(placement, `no placement of ${t.placementCase} at "${WORKPLACE.name}": ${answer.body.slice(0, 300)}`);
  const expected = {
    status: 'ENDED', outcome: 'EMPLOYMENT', outcomeLabel: 'Erbjuden anställning',
    employmentTypeLabel: 'Visstidsanställning', matchedOn: TODAY, visitedOn: TODAY, hoursPerWeek: 20,
    plannedStart: TODAY, plannedEnd: IN_60_DAYS, endedOn: TODAY, durationDays: 1, area: WORKPLACE.area
  };
  for (const [key, value] of Object.entries(expected)) {
    check(placement[key] === value, `the placement's ${key} is ${JSON.stringify(placement[key])}, expected ${JSON.stringify(value)}`);
  }
}

// The task `name` of the run's case, opened from the filter; its Camunda Form shown.
async function openCaseTask(t, filter, name) {
  const page = t.page;
  const card = taskInList(page, name).filter({ hasText: t.placementCase });
  // A task created by completing the one before shows once the list is read again.
  for (let attempt = 0; ; attempt++) {
    await page.locator('.task-filters .item').filter({ hasText: filter }).first().click();
    await page.locator('.task-filters .item.active').filter({ hasText: filter }).waitFor();
    try {
      await card.first().waitFor({ timeout: attempt === 0 ? 3000 : TIMEOUT });
      break;
    } catch (e) {
      if (attempt > 0) {
        throw e;
      }
      await page.reload();
    }
  }
  await card.first().locator('h4.task a').first().click();
  const details = page.locator('.task-details');
  await details.locator('h2.task').filter({ hasText: name }).waitFor();
  await details.locator('.fjs-form').waitFor();
  await t.shot(`tasklist-${name.toLowerCase().replace(/ö/g, 'o').replace(/[åä]/g, 'a').replace(/\W+/g, '-')}`);
}

async function claimTask(page) {
  const claim = page.locator('.task-details button.claim');
  if (await claim.count() > 0 && await claim.isVisible()) {
    await claim.click();
    await claim.waitFor({ state: 'detached' });
    await page.locator('.task-details .assignee').getByText('Pia Holmberg').waitFor();
  }
}

// Types a date into a form-js date field (yyyy-mm-dd) and closes the picker by clicking `away`
// (by default the form's heading).
async function fillDate(page, label, value, away) {
  const date = field(page, label);
  await date.fill(value);
  await date.press('Enter');
  await (away || page.locator('.fjs-form .fjs-form-field-text h3').first()).click();
  check(await date.inputValue() === value, `${label} holds "${await date.inputValue()}", expected ${value}`);
}

// A form-js field by its label, which ends in "*" when the field is required.
function field(page, label) {
  return page.getByLabel(new RegExp(`^${label}\\*?$`));
}

function selectField(page, label) {
  return page.locator('.fjs-form-field-select').filter({
    has: page.locator('label.fjs-form-field-label').filter({ hasText: new RegExp(`^${label}\\*?$`) })
  });
}

// form-js draws its select as a list that opens on click: its items.
async function openSelect(page, label) {
  const field = selectField(page, label);
  await field.locator('.fjs-select-display').click();
  const items = field.locator('.fjs-dropdownlist-item');
  await items.first().waitFor();
  return items;
}

async function chooseOption(page, label, text) {
  const items = await openSelect(page, label);
  await items.getByText(text, { exact: true }).click();
  const shown = (await selectField(page, label).locator('.fjs-select-display').innerText()).trim();
  check(shown === text, `${label} shows "${shown}", expected "${text}"`);
}

// The read-only summary of the placement's workplace at the top of the coordinator's forms.
async function checkWorkplaceSummary(page) {
  const summary = await page.locator('.fjs-form-field-textfield').filter({
    has: page.locator('label').getByText('Arbetsplats', { exact: true })
  }).locator('input').inputValue();
  check(summary.includes(WORKPLACE.name), `the form shows the workplace "${summary}", expected "${WORKPLACE.name}"`);
}

// "Slutför": the task leaves the details; the server's refusal, if any, is the error. With `next`,
// Tasklist names the task that came to the same user in the same case (ASSIGN_NOTE_PROCESS); the
// note is closed, as it would cover the next form's buttons.
async function completeTask(t, name, next) {
  const page = t.page;
  await page.getByRole('button', { name: 'Slutför', exact: true }).click();
  const done = page.locator('.task-details .no-task').getByText('Välj en uppgift i listan.', { exact: true });
  try {
    await done.waitFor();
  } catch (e) {
    const notes = (await page.locator('.notifications, .fjs-form-field-error').allInnerTexts().catch(() => []))
      .map(n => n.trim()).filter(Boolean).join(' | ');
    throw new Error(`"${name}" was not completed${notes ? `: ${notes}` : ''}`);
  }
  const slug = name.toLowerCase().replace(/ö/g, 'o').replace(/[åä]/g, 'a').replace(/\W+/g, '-');
  if (next) {
    const note = page.locator('.notifications .alert').filter({ hasText: 'Du är tilldelad följande uppgifter i samma ärende' });
    await note.locator('.message').getByText(next, { exact: true }).waitFor();
    await t.shot(`tasklist-slutford-${slug}`);
    await note.locator('button.close[ng-click^="removeNotification"]').click();
    await note.waitFor({ state: 'detached' });
  } else {
    await t.shot(`tasklist-slutford-${slug}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Cockpit, as the manager maria

async function cockpitLoginAsMaria(t) {
  // Leave Tasklist: a fresh session for another user.
  await t.context.clearCookies();
  await t.page.goto(COCKPIT);
  await t.page.locator('input[ng-model="username"]').waitFor();
  await t.shot('cockpit-login');
  await login(t.page, 'maria', 'demo');
  await t.page.getByText('Maria Olsson', { exact: true }).first().waitFor();
  await t.page.locator('[cam-dashboard], .dashboard, .cam-dashboard, .dashboard-view').first().waitFor();
  await t.shot('cockpit-start');
}

// "Försenade steg" (Cockpit plugin stegvis-overdue on the dashboard) lists a known overdue demo case.
async function overduePluginListsCase(t) {
  const plugin = t.page.locator('.stegvis-overdue');
  await plugin.getByRole('heading', { name: 'Försenade steg' }).waitFor();
  const rows = plugin.locator('.stegvis-section').first().locator('tbody tr');
  if (OVERDUE_CASE) {
    await rows.filter({ has: t.page.locator('td').getByText(OVERDUE_CASE, { exact: true }) }).first().waitFor();
  } else {
    await rows.first().waitFor();
  }
  await t.shot('cockpit-forsenade-steg', plugin);
}

// "Rapport" (Cockpit plugins stegvis-report): the header link opens the steering-group report; for
// the demo project C2 every table of the API is on the page with the API's figures.
async function reportOpensFromCockpitHeader(t) {
  const page = t.page;
  const link = page.locator('a[href="#/stegvis-rapport"]:visible').first();
  check((await link.innerText()).trim() === 'Rapport', 'the header link is called "Rapport"');
  await link.click();
  await page.getByRole('heading', { name: 'Rapport till styrgrupp och nationell uppföljning' }).waitFor();
  await page.locator('#stegvis-report-project option[value="C2"]').waitFor({ state: 'attached' });
  await page.locator('#stegvis-report-project').selectOption('C2');
  await page.locator('.stegvis-report-heading h2').getByText('C2 – Lycksele', { exact: false }).waitFor();
  check(page.url().includes('project=C2'), `the page's address keeps the choice: ${page.url()}`);
  const api = await page.evaluate(async q => {
    const response = await fetch(`/api/reports/steering-group?${q}`, { headers: { Accept: 'application/json' } });
    return response.json();
  }, page.url().split('?')[1]);
  check(Array.isArray(api.tables) && api.tables.length >= 7, `the API gave ${api.tables && api.tables.length} tables`);
  for (const table of api.tables) {
    const section = page.locator(`section[data-table="${table.id}"]`);
    await section.getByRole('heading', { name: table.title, exact: true }).waitFor();
    if (table.rows.length > 0) {
      const shown = await section.locator('tbody tr').count();
      check(shown === table.rows.length, `${table.id}: ${shown} rows on the page, ${table.rows.length} from the API`);
    }
  }
  const participants = api.tables.find(x => x.id === 'participants');
  const started = participants.rows.find(r => r.measure === 'Startade');
  const cell = await page.locator('section[data-table="participants"] tbody tr')
    .filter({ has: page.locator('th').getByText('Startade', { exact: true }) }).locator('td').first().innerText();
  check(cell.trim() === String(started.total), `"Startade" shows ${cell}, the API ${started.total}`);
  check(await page.locator('section[data-table="participants"] svg.stegvis-report-chart rect').count() > 0,
    'the participants table has a chart');
  await t.shot('cockpit-rapport', page.locator('.stegvis-report-page'));
}

// "Exportera till Excel (XLSX)" downloads a workbook of the chosen report.
async function reportExportsWorkbook(t) {
  const [download] = await Promise.all([
    t.page.waitForEvent('download'),
    t.page.getByRole('link', { name: 'Exportera till Excel (XLSX)', exact: true }).click()
  ]);
  const file = path.join(SHOTS, download.suggestedFilename());
  await download.saveAs(file);
  check(/^styrgruppsrapport-C2-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/.test(download.suggestedFilename()),
    `the file is called ${download.suggestedFilename()}`);
  const bytes = fs.readFileSync(file);
  check(bytes.subarray(0, 2).toString('latin1') === 'PK' && bytes.includes(Buffer.from('xl/workbook.xml')),
    `${file} is not an XLSX workbook (${bytes.length} bytes)`);
}

// "Utskriftsversion": the printable page shows the same report and prints to A4 (a PDF here).
async function reportPrints(t) {
  const [printable] = await Promise.all([
    t.context.waitForEvent('page'),
    t.page.getByRole('link', { name: 'Utskriftsversion', exact: true }).click()
  ]);
  await printable.locator('section[data-table="national-follow-up"] h3').waitFor();
  await printable.emulateMedia({ media: 'print' });
  check(!(await printable.locator('.stegvis-report-bar').isVisible()), 'the page bar is not printed');
  await t.shot('rapport-utskrift', printable.locator('body'));
  const pdf = path.join(SHOTS, 'rapport.pdf');
  await printable.pdf({ path: pdf, format: 'A4', printBackground: true });
  check(fs.statSync(pdf).size > 10_000, 'the printed report is not empty');
  await printable.close();
}

// ---------------------------------------------------------------------------------------------

const JOURNAL = journalChecks({ base: BASE, planCase: PLAN_CASE, check, shots: SHOTS });

const CHECKS = [
  { name: 'Tasklist: the login page is in Swedish', run: tasklistLoginPageIsSwedish },
  { name: 'Tasklist: anna logs in, the UI is in Swedish', run: tasklistLoginAsAnna },
  { name: 'Tasklist: the filter "Mina uppgifter" lists "Upprätta handlingsplan"', run: openMyTasks },
  { name: 'Tasklist: "Upprätta handlingsplan" opens with its form', run: openActionPlanTask },
  { name: 'Tasklist: the tab "Ärende" shows the case number', run: caseTabShowsCaseNumber },
  JOURNAL.formSurvivesCaseTab,
  { name: 'Tasklist: the action plan is filled in and completed, and leaves the list', run: completeActionPlan },
  ...JOURNAL.record,
  { name: 'Tasklist: the tab "Ärende" of an active case offers "Begär praktik"', run: caseTabOffersPlacementRequest },
  { name: 'Tasklist: anna asks for a placement, listed as "Begärd"', run: coachRequestsPlacement },
  { name: 'Praktikplatser: anna (coach) reads the registry, without add or edit', run: coachReadsRegistry },
  { name: 'Tasklist: dates in Swedish', run: tasklistDatesAreSwedish },
  { name: 'Tasklist: anna lands on "Mina uppgifter", cards with names and due in words', run: caseload.coachLandsOnHerTasksWithNames },
  { name: 'Mina deltagare: "asa ostlund" finds Åsa Östlund', run: caseload.coachSearchesWithoutDiacritics },
  { name: 'Ärende: the hit opens the case page', run: caseload.coachOpensCasePage },
  { name: 'Ärende: the due meeting starts in Tasklist from the case page', run: caseload.coachStartsDueTaskFromCasePage },
  { name: 'Tasklist: the meeting form\'s date, check box, check list and notes come back after the case tab and a reload', run: dialogs.coachMeetingDraftKeepsDatesAndChoices },
  { name: 'Mina deltagare: an exited case is under "Avslutade"', run: caseload.coachFindsExitedCase },
  { name: 'Tasklist: "Sök deltagare" in the header, reached with Tab, finds an exited case', run: dialogs.coachSearchesFromTasklistHeader },
  { name: 'Tasklist: pia logs in (the registry asks to log in first), the header links to "Praktikplatser"', run: tasklistLoginAsPia },
  { name: 'Tasklist: pia\'s group has "Matcha praktikplats" for anna\'s request', run: coordinatorHasMatchTask },
  { name: 'Praktikplatser: the registry opens from Tasklist\'s header', run: registryOpensFromTasklist },
  { name: 'Praktikplatser: an invalid organisation number is refused in Swedish, nothing typed is lost', run: invalidOrganisationNumberRefused },
  { name: 'Praktikplatser: pia registers a workplace and finds it in the list', run: coordinatorRegistersWorkplace },
  { name: 'Praktikplatser: pia changes the workplace and makes it inactive', run: coordinatorChangesWorkplace },
  { name: 'Praktikplatser: pia makes the workplace active again', run: coordinatorReactivatesWorkplace },
  { name: 'Tasklist: pia claims "Matcha praktikplats" and matches the request with the new workplace', run: coordinatorMatchesWorkplace },
  { name: 'Tasklist: pia records "Besök arbetsplatsen"', run: coordinatorVisitsWorkplace },
  { name: 'Tasklist: pia agrees "Upprätta arbetsplan"', run: coordinatorAgreesWorkPlan },
  { name: 'Tasklist: pia\'s "Följ upp praktiken" ends the placement with an offer of employment', run: coordinatorEndsPlacement },
  { name: 'API: the placement is stored as ended, with outcome and duration', run: placementIsStored },
  { name: 'Cockpit: maria logs in', run: cockpitLoginAsMaria },
  { name: 'Cockpit: "Försenade steg" lists an overdue demo case', run: overduePluginListsCase },
  { name: 'Cockpit: "Öppna" in "Försenade steg" opens the case page', run: caseload.managerOpensCaseFromOverdueView },
  { name: 'Mina deltagare: maria\'s cases by coach, one coach chosen from the counts, sorted by the next step', run: caseload.managerReadsCaseloadByCoach },
  { name: 'Cockpit: "Sök deltagare" in the header, reached with Tab, opens the hits', run: dialogs.managerSearchesFromCockpitHeader },
  { name: 'Cockpit: "Rapport" in the header opens the report; C2 shows every table with the API\'s figures', run: reportOpensFromCockpitHeader },
  { name: 'Cockpit: the report exports to XLSX', run: reportExportsWorkbook },
  { name: 'Cockpit: the printable report prints to A4', run: reportPrints },
  { name: 'Rapport: "Sök deltagare" in the printable report\'s bar opens the hits', run: dialogs.managerSearchesFromPrintableReport },
  { name: 'Mina remisser: rita reads the receipt of her referral and its status', run: caseload.referrerSeesReceiptAndMyReferrals },
  { name: 'Tasklist: Escape and a click beside "Ny remiss" ask in Swedish first; "stay" keeps the text', run: dialogs.startDialogAsksBeforeClosing },
  { name: 'Tasklist: a referral started in "Starta process" ends with a Swedish receipt, listed in Mina remisser', run: dialogs.referrerReadsReceiptInStartDialog },
  ...swedishChecks({ BASE, login, check }),
  { name: 'Tasklist: bengt\'s decision form keeps its choice, coach and date after a look at the case tab', run: dialogs.decisionDraftKeepsRadioSelectAndDate }
];

async function login(page, user, password) {
  const username = page.locator('input[ng-model="username"]');
  const secret = page.locator('input[ng-model="password"]');
  // The login form may still take its focus while it is filled in: fill until both hold their value.
  for (let attempt = 0; attempt < 3; attempt++) {
    await username.fill(user);
    await secret.fill(password);
    if (await username.inputValue() === user && await secret.inputValue() === password) {
      break;
    }
    await page.waitForTimeout(300);
  }
  await page.locator('form button[type="submit"]').click();
  await page.locator('input[ng-model="username"]').waitFor({ state: 'detached' });
}

function taskInList(page, name) {
  return page.locator('.tasks-list li.task').filter({
    has: page.locator('h4.task a').getByText(name, { exact: true })
  });
}

async function main() {
  const started = Date.now();
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: process.env.STEGVIS_BROWSER_HEADED !== 'true',
    args: [...(process.env.STEGVIS_BROWSER_HEADED === 'true' ? [] : ['--headless']), '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    extraHTTPHeaders: { 'Accept-Language': 'sv' },
    viewport: { width: 1400, height: 900 }
  }).catch(e => {
    fs.rmSync(profile, { recursive: true, force: true });
    throw e;
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  page.on('pageerror', e => problems.push(`page error: ${e.message}`));
  let shots = 0;
  const t = {
    context,
    page,
    // Log in on the webapp login form shown (a fresh session), as the checks in other files do too.
    login: (user, password) => login(page, user, password),
    // A screenshot of the page, or of one element (Cockpit scrolls inside the page, not the page).
    async shot(name, element) {
      shots += 1;
      const file = path.join(SHOTS, `${String(shots).padStart(2, '0')}-${name}.png`);
      await (element ? element.screenshot({ path: file }) : page.screenshot({ path: file, fullPage: true }));
    }
  };
  console.log(`browser: ${context.browser()?.version() ?? 'chromium'} (${CHROMIUM}) against ${BASE}, locale sv-SE`);
  let failed = null;
  let passed = 0;
  try {
    for (const c of CHECKS) {
      if (c.enabled === false) {
        console.log(`  - ${c.name} (off)`);
        continue;
      }
      const start = Date.now();
      try {
        await c.run(t);
        passed += 1;
        console.log(`  ok ${c.name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failed = c;
        console.log(`  FAILED ${c.name}: ${e.message.split('\n')[0]}`);
        console.log(e.message.split('\n').slice(1, 12).map(l => `    ${l}`).join('\n'));
        await page.screenshot({ path: path.join(SHOTS, 'failure.png'), fullPage: true }).catch(() => {});
        fs.writeFileSync(path.join(SHOTS, 'failure.html'), await page.content().catch(() => ''));
        break;
      }
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  for (const p of problems) {
    console.log(`  (${p})`);
  }
  const took = ((Date.now() - started) / 1000).toFixed(1);
  if (failed) {
    console.log(`browser: FAILED at "${failed.name}" after ${passed} checks, in ${took} s; screenshots in ${SHOTS}`);
    process.exit(1);
  }
  console.log(`browser: all ${passed} checks passed in ${took} s; screenshots in ${SHOTS}`);
}

main().catch(e => {
  console.error(`browser: ${e.stack || e}`);
  process.exit(1);
});
