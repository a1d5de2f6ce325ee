// Browser checks of issue 19: a coach finds her people (inbox with names, search without diacritics,
// the case page, the due task started from there, exited cases under "Avslutade"); a manager opens a
// case from Cockpit's overdue view; a referrer reads her receipt and "Mina remisser". Each function
// takes the shared context `t` of browser-test.mjs and is listed in its CHECKS.

const BASE = (process.env.STEGVIS_URL || '').replace(/\/+$/, '');
const TASKLIST = `${BASE}/camunda/app/tasklist/`;
const COCKPIT = `${BASE}/camunda/app/cockpit/`;
const CASELOAD = `${BASE}/stegvis/deltagare.html`;
const MY_REFERRALS = `${BASE}/stegvis/remisser.html`;
const MEETING_TASK = 'Håll flerpartssamtal';
// Demo people: Åsa Östlund (anna's, a meeting due within 14 days) and Elin Sandberg (exited).
const ASA = 'Åsa Östlund';
const EXITED = 'Elin Sandberg';

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

// anna (logged in) opens Tasklist without a chosen filter: she lands on "Mina uppgifter", whose
// cards name the participant and say in words when the step is due; no card for the exit.
export async function coachLandsOnHerTasksWithNames(t) {
  const page = t.page;
  await page.goto(TASKLIST);
  await page.locator('.task-filters .item.active').filter({ hasText: 'Mina uppgifter' }).waitFor();
  const names = page.locator('.tasks-list .stegvis-card-name');
  await names.first().waitFor();
  await page.locator('.tasks-list .stegvis-card').filter({ hasText: ASA }).first().waitFor();
  await page.locator('.tasks-list .stegvis-card-due').filter({ hasText: /^(Försenad sedan|Förfaller (om|i dag))/ })
    .first().waitFor();
  check(await page.locator('.tasks-list h4.task a').getByText('Avsluta deltagande', { exact: true }).count() === 0,
    '"Avsluta deltagande" is a card in "Mina uppgifter"');
  await t.shot('tasklist-inkorg-med-namn');
}

// From Tasklist's header to "Mina deltagare", and a search without å, ä, ö.
export async function coachSearchesWithoutDiacritics(t) {
  const page = t.page;
  await page.locator('a.stegvis-caseload-link', { hasText: 'Mina deltagare' }).click();
  await page.waitForURL(/deltagare\.html/);
  await page.locator('#cases tbody tr').first().waitFor();
  await page.locator('#filter-q').fill('asa ostlund');
  await page.locator('#filters button[type="submit"]').click();
  // The caseload lists Åsa too: the answer to the search is the list of one.
  await page.locator('#summary').filter({ hasText: /^1 deltagare/ }).waitFor();
  await page.locator('#cases tbody tr').filter({ hasText: ASA }).waitFor();
  check(await page.locator('#cases tbody tr').count() === 1, 'the search found more than Åsa Östlund');
  await t.shot('deltagare-sok-asa');
}

// The hit opens the case page: the person, the referral's reason, deadlines, the case record's slot.
export async function coachOpensCasePage(t) {
  const page = t.page;
  await page.locator('#cases tbody tr').filter({ hasText: ASA }).getByRole('link', { name: ASA }).click();
  await page.waitForURL(/arende\.html\?case=/);
  await page.locator('#case-title').filter({ hasText: ASA }).waitFor();
  await page.locator('#referral').getByText('Skäl till remissen').waitFor();
  await page.locator('#deadlines table').waitFor();
  const caseNumber = new URL(page.url()).searchParams.get('case');
  check(await page.locator(`#case-record[data-case="${caseNumber}"]`).count() === 1, 'no #case-record for the case');
  await page.getByRole('link', { name: 'Avsluta deltagande' }).waitFor();
  await t.shot('arende-asa');
}

// "Gör i Tasklist" on the due meeting opens that task with its form.
export async function coachStartsDueTaskFromCasePage(t) {
  const page = t.page;
  const row = page.locator('#tasks tbody tr').filter({ hasText: MEETING_TASK });
  await row.getByText(/Förfaller om \d+ dagar/).waitFor();
  await row.getByRole('link', { name: 'Gör i Tasklist' }).click();
  await page.waitForURL(/tasklist/);
  await page.locator('.task-details').getByText(MEETING_TASK, { exact: true }).first().waitFor();
  await page.locator('.task-details').getByText('Formulär', { exact: true }).first().waitFor();
  await t.shot('tasklist-mote-fran-arende');
}

// An exited participant is under "Avslutade", not among the open cases.
export async function coachFindsExitedCase(t) {
  const page = t.page;
  await page.goto(CASELOAD);
  await page.locator('#cases tbody tr').first().waitFor();
  check(await page.locator('#cases tbody tr').filter({ hasText: EXITED }).count() === 0,
    `${EXITED} is listed among the open cases`);
  await page.getByLabel('Ärenden', { exact: true }).selectOption('exited');
  await page.locator('#cases tbody tr').filter({ hasText: EXITED }).waitFor();
  await t.shot('deltagare-avslutade');
}

// maria (in Cockpit, "Försenade steg" shown): "Öppna" leads to the case page.
export async function managerOpensCaseFromOverdueView(t) {
  const page = t.page;
  const open = page.locator('.stegvis-overdue .stegvis-section').first().locator('tbody tr').first()
    .getByRole('link', { name: 'Öppna', exact: true });
  await open.click();
  await page.waitForURL(/arende\.html\?case=/);
  await page.locator('#case-title').filter({ hasText: /[A-Z0-9]+-\d{4}-\d{4}/ }).waitFor();
  await t.shot('arende-fran-cockpit');
  await page.goto(COCKPIT);
  await page.locator('.stegvis-overdue').getByRole('heading', { name: 'Försenade steg' }).waitFor();
}

// maria's "Mina deltagare": her projects' cases grouped by coach, the counts per coach, one coach
// chosen from the counts, and a sort by the next step (the server sorts; the page asks again).
export async function managerReadsCaseloadByCoach(t) {
  const page = t.page;
  await page.goto(CASELOAD);
  const counts = page.locator('#coaches');
  await counts.getByRole('heading', { name: 'Per coach' }).waitFor();
  await page.locator('#cases tbody tr.group-row').filter({ hasText: /^Anna Lind: \d+ deltagare/ }).waitFor();
  await page.locator('#cases tbody tr.group-row').filter({ hasText: /^Erik Berg: \d+ deltagare/ }).waitFor();
  await counts.getByRole('button', { name: /^Erik Berg ?: visa deltagarna$/ }).click();
  await page.waitForURL(/coach=erik/);
  await page.locator('#cases tbody tr.group-row').filter({ hasText: /^Erik Berg/ }).waitFor();
  await page.locator('#cases[aria-busy]').waitFor({ state: 'detached' });
  const coaches = await page.locator('#cases tbody tr:not(.group-row) td:nth-child(5)').allTextContents();
  check(coaches.length > 0 && coaches.every(c => c === 'Erik Berg'), `the coach filter shows ${coaches.join(', ')}`);
  check(await page.getByLabel('Coach', { exact: true }).inputValue() === 'erik', 'the coach select does not say erik');
  await page.locator('#cases th[data-sort="nextDue"] button').click();
  await page.locator('#cases th[data-sort="nextDue"][aria-sort="ascending"]').waitFor();
  await page.waitForURL(/sort=nextDue/);
  await t.shot('deltagare-chef-per-coach');
  await page.goto(COCKPIT);
  await page.locator('.stegvis-overdue').getByRole('heading', { name: 'Försenade steg' }).waitFor();
}

// rita refers a person (the API's answer is the receipt) and finds it first in "Mina remisser".
export async function referrerSeesReceiptAndMyReferrals(t) {
  const page = t.page;
  await t.context.clearCookies();
  await page.goto(TASKLIST);
  await t.login('rita', 'demo');
  const myReferrals = page.locator('a.stegvis-caseload-link', { hasText: 'Mina remisser' });
  await myReferrals.waitFor();
  const answer = await page.evaluate(async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    // A write by session carries the session's CSRF token (the webapps' cookie on this page).
    const token = (document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '').slice('XSRF-TOKEN='.length);
    const response = await fetch('/api/referrals', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest',
        'X-XSRF-TOKEN': token },
      body: JSON.stringify({ projectCode: 'C2', identityNumber: '19850412-2386', firstName: 'Märta', lastName: 'Åberg',
        gender: 'WOMAN', party: 'AF', referrerName: 'Rita Persson', reason: 'Långvarigt utanför arbetsmarknaden',
        incomeSource: 'SOCIAL_ASSISTANCE', timeInSupport: 'Y3', educationLevel: 'UPPER_SECONDARY', referredOn: today })
    });
    return { status: response.status, body: await response.json() };
  });
  check(answer.status === 201 || answer.status === 409, `the referral answered ${answer.status}`);
  const caseNumber = answer.body.caseNumber;
  check(answer.status === 409 || String(answer.body.receipt).includes(caseNumber), 'the answer has no receipt');
  await myReferrals.click();
  await page.waitForURL(/remisser\.html/);
  await page.locator('#receipt').getByText(caseNumber, { exact: false }).waitFor();
  await page.locator('#referrals tbody tr').filter({ hasText: caseNumber })
    .getByText('Mottagen, väntar på beslut').waitFor();
  await t.shot('mina-remisser');
}
