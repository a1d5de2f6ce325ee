// Browser checks of the open gaps of issues 19 and 20: "Sök deltagare" in the headers of Tasklist,
// Cockpit and the printable report (keyboard, Swedish name); a task form's draft puts back dates,
// check boxes, check lists, radio choices and selects, not only text; Tasklist's start dialog asks
// in Swedish before Escape or a click beside it throws typed input away, and "stay" keeps it; and
// the referral started in that dialog ends with a Swedish receipt. Each function takes the shared
// context `t` of browser-test.mjs and is listed in its CHECKS.

const BASE = (process.env.STEGVIS_URL || '').replace(/\/+$/, '');
const TASKLIST = `${BASE}/camunda/app/tasklist/`;
const COCKPIT = `${BASE}/camunda/app/cockpit/`;
const ASA = 'Åsa Östlund';
const MEETING_TASK = 'Håll flerpartssamtal';
// The question stegvis-keep-input.js asks before a dialog with input closes.
const QUESTION = 'Stänga utan att spara? Det du har skrivit i formuläret försvinner.';
const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

// A form-js field by its label, which ends in "*" when the field is required.
function field(scope, label) {
  return scope.getByLabel(new RegExp(`^${label}\\*?$`));
}

// The container of a form-js field of a kind, by its label (`has` takes a locator of the page, not of the scope).
function container(scope, kind, label) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope.locator(`.fjs-form-field-${kind}`).filter({
    has: page.locator('label.fjs-form-field-label').filter({ hasText: new RegExp(`^\\s*${label}\\*?\\s*$`) })
  }).first();
}

async function choose(scope, label, text) {
  const select = container(scope, 'select', label);
  await select.locator('.fjs-select-display').click();
  await select.locator('.fjs-dropdownlist-item').getByText(text, { exact: true }).click();
  const shown = (await select.locator('.fjs-select-display').innerText()).trim();
  check(shown === text, `${label} shows "${shown}", expected "${text}"`);
}

async function typeDate(page, scope, label, value, away) {
  const date = field(scope, label);
  await date.fill(value);
  await date.press('Enter');
  await away.click();
  check(await date.inputValue() === value, `${label} holds "${await date.inputValue()}", expected ${value}`);
}

/** Waits (5 s at most) until `probe` gives `expected`; the draft is put back a moment after the form is drawn. */
async function eventually(page, probe, expected, what) {
  let got;
  for (let waited = 0; waited <= 5000; waited += 250) {
    got = await probe();
    if (JSON.stringify(got) === JSON.stringify(expected)) {
      return;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`${what}: ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
}

/** Presses Tab until `matches` holds for the focused element (40 presses at most). */
async function tabTo(page, matches, what) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(matches)) {
      return;
    }
  }
  throw new Error(`${what} is not reached with Tab`);
}

// -------------------------------------------------------------------------------------------
// Drafts (anna on her due "Håll flerpartssamtal", opened from the case page)

async function meetingFields(page) {
  const form = page.locator('.task-details');
  return {
    date: await field(form, 'Samtalet hölls').inputValue(),
    present: await container(form, 'checkbox', 'Deltagaren närvarade').locator('input[type="checkbox"]').isChecked(),
    parties: await container(form, 'checklist', 'Närvarande parter').locator('input[type="checkbox"]').evaluateAll(
      boxes => boxes.filter(b => b.checked).map(b => b.labels[b.labels.length - 1].textContent.trim())),
    notes: await field(form, 'Anteckningar').inputValue()
  };
}

export async function coachMeetingDraftKeepsDatesAndChoices(t) {
  const page = t.page;
  const details = page.locator('.task-details');
  await details.getByText(MEETING_TASK, { exact: true }).first().waitFor();
  if (await details.locator('button.claim').count() > 0) {
    await details.locator('button.claim').click();
    await details.locator('button.claim').waitFor({ state: 'detached' });
  }
  await field(details, 'Anteckningar').waitFor();
  // A draft of an earlier run is put back in the first seconds after the form is drawn: type after that.
  await page.waitForTimeout(3500);
  const notes = `Utkast från mötet ${Date.now().toString(36)}`;
  await typeDate(page, details, 'Samtalet hölls', TODAY, details.locator('.fjs-form .fjs-form-field-text').first());
  await container(details, 'checkbox', 'Deltagaren närvarade').locator('input[type="checkbox"]').check();
  const parties = container(details, 'checklist', 'Närvarande parter');
  await parties.getByLabel('Arbetsförmedlingen', { exact: true }).check();
  await parties.getByLabel('Försäkringskassan', { exact: true }).check();
  await field(details, 'Anteckningar').fill(notes);
  const typed = { date: TODAY, present: true, parties: ['Arbetsförmedlingen', 'Försäkringskassan'], notes };
  check(JSON.stringify(await meetingFields(page)) === JSON.stringify(typed), 'the form holds what was typed');
  await page.waitForTimeout(1500); // the draft is saved 0.8 s after the last change

  await details.locator('.nav-tabs').getByText('Ärende', { exact: true }).click();
  await details.locator('.stegvis-case h3').first().waitFor();
  await details.locator('.nav-tabs').getByText('Formulär', { exact: true }).click();
  await field(details, 'Anteckningar').waitFor();
  await eventually(page, () => meetingFields(page), typed, 'after a look at the case tab, the meeting form holds');

  await page.reload();
  await field(page.locator('.task-details'), 'Anteckningar').waitFor();
  await eventually(page, () => meetingFields(page), typed, 'after a reload (the draft from the server), the meeting form holds');
  await t.shot('tasklist-utkast-mote');
}

// bengt's "Besluta om insats" after the server refused its date: the radio choice, the coach chosen
// in the select and the date come back after a look at the case tab.
export async function decisionDraftKeepsRadioSelectAndDate(t) {
  const page = t.page;
  const details = page.locator('.task-details');
  const decision = () => container(details, 'radio', 'Beslut').locator('input[type="radio"]:checked')
    .evaluateAll(inputs => inputs.map(i => i.labels[i.labels.length - 1].textContent.trim()));
  const coach = () => container(details, 'select', 'Coach').locator('.fjs-select-display').innerText().then(s => s.trim());
  const date = () => field(details, 'Beslutsdatum').inputValue();
  const before = { decision: await decision(), coach: await coach(), date: await date() };
  check(before.decision.length === 1 && before.coach && before.coach !== 'Välj' && before.date,
    `the refused decision holds a choice, a coach and a date: ${JSON.stringify(before)}`);
  await page.waitForTimeout(1500);
  await details.locator('.nav-tabs').getByText('Ärende', { exact: true }).click();
  await details.locator('.stegvis-case h3').first().waitFor();
  await details.locator('.nav-tabs').getByText('Formulär', { exact: true }).click();
  await field(details, 'Beslutsdatum').waitFor();
  await eventually(page, async () => ({ decision: await decision(), coach: await coach(), date: await date() }), before,
    'after a look at the case tab, the decision form holds');
  await t.shot('tasklist-utkast-beslut');
}

// -------------------------------------------------------------------------------------------
// "Sök deltagare" in the headers

async function searchOpensCaseload(page, box, query, expected) {
  await box.fill(query);
  await box.press('Enter');
  await page.waitForURL(/deltagare\.html\?(.*&)?q=/);
  await page.locator('#cases tbody tr').filter({ hasText: expected }).first().waitFor();
}

// anna in Tasklist: the field is reached with Tab, has the Swedish name "Sök deltagare", and Enter searches.
export async function coachSearchesFromTasklistHeader(t) {
  const page = t.page;
  await page.goto(TASKLIST);
  const box = page.locator('.stegvis-header-search').getByRole('searchbox', { name: 'Sök deltagare' });
  await box.waitFor();
  await page.locator('a.navbar-brand').first().focus();
  await tabTo(page, () => document.activeElement && document.activeElement.id === 'stegvis-tasklist-search',
    'Tasklist\'s "Sök deltagare"');
  await t.shot('tasklist-sok-i-sidhuvudet');
  await searchOpensCaseload(page, box, 'elin sandberg', 'Elin Sandberg');
}

// maria in Cockpit (dashboard shown): the search in the header opens the hits; back to the dashboard after.
export async function managerSearchesFromCockpitHeader(t) {
  const page = t.page;
  const box = page.locator('[cam-widget-header] .stegvis-header-search').getByRole('searchbox', { name: 'Sök deltagare' });
  await box.waitFor();
  await page.locator('a.navbar-brand').first().focus();
  await tabTo(page, () => document.activeElement && document.activeElement.id === 'stegvis-cockpit-search',
    'Cockpit\'s "Sök deltagare"');
  await t.shot('cockpit-sok-i-sidhuvudet');
  await searchOpensCaseload(page, box, 'asa ostlund', ASA);
  await page.goto(COCKPIT);
  await page.locator('.stegvis-overdue').getByRole('heading', { name: 'Försenade steg' }).waitFor();
}

// maria on the printable report: the search in its bar.
export async function managerSearchesFromPrintableReport(t) {
  const page = t.page;
  await page.goto(`${BASE}/stegvis/rapport.html?project=C2&from=${TODAY.slice(0, 4)}-01-01&to=${TODAY.slice(0, 4)}-12-31`);
  await page.locator('section[data-table]').first().waitFor();
  const box = page.getByRole('search', { name: 'Sök deltagare' }).getByRole('searchbox', { name: 'Sök deltagare' });
  await searchOpensCaseload(page, box, 'ostlund', ASA);
}

// -------------------------------------------------------------------------------------------
// Tasklist's start dialog, as the referrer rita (logged in)

async function openNewReferral(page) {
  await page.goto(TASKLIST);
  await page.getByText('Starta process', { exact: true }).click();
  const modal = page.locator('.modal-dialog');
  await modal.getByText('Deltagarärende', { exact: true }).click();
  await field(modal, 'Förnamn').waitFor();
  return modal;
}

// Escape, and a click beside the dialog, each ask the Swedish question in a dialog of Stegvis's own
// (the webapps' pages may not open the browser's confirm()); "Stanna kvar" keeps the dialog and the
// text, "Stäng utan att spara" closes it; an untouched dialog closes at once.
async function answerStay(t, modal, how, shot) {
  const page = t.page;
  const question = page.locator('dialog.stegvis-confirm');
  await question.waitFor();
  const text = (await question.locator('p').innerText()).trim();
  check(text === QUESTION, `${how} asked "${text}"`);
  check(await page.evaluate(() => document.activeElement && document.activeElement.textContent.trim()) === 'Stanna kvar',
    `${how}: the question does not put the focus on "Stanna kvar"`);
  await t.shot(shot);
  await question.getByRole('button', { name: 'Stanna kvar', exact: true }).click();
  await question.waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
  check(await modal.isVisible(), `the dialog closed after ${how} although "Stanna kvar" was answered`);
  check(await field(modal, 'Förnamn').inputValue() === 'Vera', `the name typed is gone after ${how}`);
  check((await field(modal, 'Skäl till remissen').inputValue()).startsWith('Behöver stöd'), `the reason typed is gone after ${how}`);
}

export async function startDialogAsksBeforeClosing(t) {
  const page = t.page;
  const modal = await openNewReferral(page);
  // Nothing typed yet: Escape closes at once, without a question.
  await page.keyboard.press('Escape');
  await modal.waitFor({ state: 'detached' });
  check(await page.locator('dialog.stegvis-confirm').count() === 0, 'an empty dialog asked before closing');
  // Typed in: "Stäng utan att spara" closes it.
  const typed = await openNewReferral(page);
  await field(typed, 'Förnamn').fill('Ville');
  await page.keyboard.press('Escape');
  await page.locator('dialog.stegvis-confirm').getByRole('button', { name: 'Stäng utan att spara', exact: true }).click();
  await typed.waitFor({ state: 'detached' });
  const again = await openNewReferral(page);
  await field(again, 'Förnamn').fill('Vera');
  await field(again, 'Skäl till remissen').fill('Behöver stöd mot arbete efter lång sjukskrivning');
  await field(again, 'Förnamn').focus();
  await page.keyboard.press('Escape');
  await answerStay(t, again, 'Escape', 'ny-remiss-fraga-escape');
  // A click on the backdrop, beside the dialog.
  await page.locator('.modal').filter({ has: again }).click({ position: { x: 8, y: 300 } });
  await answerStay(t, again, 'a click beside the dialog', 'ny-remiss-fraga-klick-bredvid');
}

// The referral is completed in the same dialog and started: a Swedish receipt with the case number, the
// day and what happens next; "Till Mina remisser" lists it.
export async function referrerReadsReceiptInStartDialog(t) {
  const page = t.page;
  const modal = page.locator('.modal-dialog');
  const away = modal.locator('.modal-header, .modal-title').first();
  await choose(modal, 'Verksamhet', 'C2 – Lycksele');
  await typeDate(page, modal, 'Remissdatum', TODAY, away);
  await field(modal, 'Personnummer eller samordningsnummer').fill('19780203-2388');
  await choose(modal, 'Kön', 'Kvinna');
  await field(modal, 'Efternamn').fill('Östberg');
  await choose(modal, 'Remitterande part', 'Arbetsförmedlingen');
  await field(modal, 'Remittentens namn').fill('Rita Persson');
  await choose(modal, 'Försörjning', 'Försörjningsstöd');
  await choose(modal, 'Tid med nuvarande försörjning', '2 år');
  await choose(modal, 'Högsta utbildningsnivå', 'Gymnasial');
  await modal.getByRole('button', { name: 'Starta', exact: true }).click();

  const receipt = page.locator('dialog.stegvis-receipt');
  await receipt.getByRole('heading', { name: 'Remissen är mottagen' }).waitFor();
  const text = await receipt.innerText();
  const caseNumber = (text.match(/[A-Z0-9]+-\d{4}-\d{4}/) || [])[0];
  check(caseNumber, `the receipt names no case number: ${text}`);
  check(text.includes(TODAY), `the receipt does not say the day ${TODAY}: ${text}`);
  check(text.includes('Vera Östberg'), `the receipt does not name the person: ${text}`);
  check(text.includes('Det här händer nu') && text.includes('Beredningsgruppen beslutar inom 14 dagar'),
    `the receipt does not say what happens next: ${text}`);
  check(await page.evaluate(() => document.activeElement && document.activeElement.textContent.trim()) === 'Stäng',
    'the receipt does not take the focus');
  await t.shot('ny-remiss-kvitto');
  await receipt.getByRole('link', { name: 'Till Mina remisser' }).click();
  await page.waitForURL(/remisser\.html/);
  await page.locator('#referrals tbody tr').filter({ hasText: caseNumber }).getByText('Mottagen, väntar på beslut').waitFor();
}
