// Stegvis in a real browser, the case record (issue 20): nothing typed in a task form is lost when
// the coach looks at the case, and on /stegvis/journal.html the coach signs a journal entry,
// corrects it and sees both, uploads a PDF, has a renamed .exe refused, prints the timeline and
// makes an extract for AF that leaves out a category the consent does not cover.
import fs from 'node:fs';
import path from 'node:path';

/** The checks, given the run's base URL, anna's plan case, the shared check() and screenshot folder. */
export function journalChecks({ base, planCase, check, shots }) {
  const journalPage = () => `${base}/stegvis/journal.html?case=${encodeURIComponent(planCase)}`;

  async function formSurvivesCaseTab(t) {
    const page = t.page;
    const details = page.locator('.task-details');
    const goals = 'Utkast: praktik inom handel (skrivet före en titt i ärendet)';
    await page.getByLabel('Mål').fill(goals);
    await details.locator('.nav-tabs').getByText('Ärende', { exact: true }).click();
    await details.locator('.stegvis-case h3').first().waitFor();
    await details.locator('.nav-tabs').getByText('Formulär', { exact: true }).click();
    await page.getByLabel('Mål').waitFor();
    // Tasklist renders the form anew; the draft kept on the server is put back.
    for (let waited = 0; waited < 5000 && await page.getByLabel('Mål').inputValue() !== goals; waited += 250) {
      await page.waitForTimeout(250);
    }
    check(await page.getByLabel('Mål').inputValue() === goals, 'the goals typed before the case tab are still there');
  }

  async function signsAndCorrects(t) {
    check(planCase, 'STEGVIS_PLAN_CASE names the case');
    const page = await t.context.newPage();
    t.journal = page;
    await page.goto(journalPage());
    await page.getByRole('heading', { name: 'Journal', exact: true }).waitFor();
    const text = `Samtal med Anna om praktiken ${Date.now().toString(36)}`;
    await page.getByLabel('Anteckning', { exact: true }).fill(text);
    await page.getByText(/Utkast sparat/).waitFor();
    await page.getByRole('button', { name: 'Signera anteckningen' }).click();
    const entry = page.locator('.record-entry').filter({ hasText: text });
    await entry.waitFor();
    await entry.getByRole('button', { name: 'Rätta' }).click();
    await page.locator('[id^="correct-text-"]').fill(`${text}, och om körkortet`);
    await page.locator('[id^="correct-reason-"]').fill('Körkortet saknades');
    await page.getByRole('button', { name: 'Signera rättelsen' }).click();
    await page.locator('.record-entry.corrected').filter({ hasText: text }).waitFor();
    await page.locator('.record-entry').filter({ hasText: 'Körkortet saknades' }).waitFor();
    check(await page.locator('.record-entry').filter({ hasText: text }).count() === 2, 'the entry and its correction both show');
    await t.shot('journal-rattelse', page.locator('body'));
  }

  async function uploadsAndRefuses(t) {
    const page = t.journal;
    const pdf = path.join(shots, 'intyg.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const exe = path.join(shots, 'program.pdf');
    fs.writeFileSync(exe, Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), Buffer.from('program')]));
    const file = page.getByLabel(/Fil \(PDF, JPEG eller PNG/);
    await file.setInputFiles(pdf);
    await page.getByRole('button', { name: 'Bifoga' }).click();
    await page.getByRole('link', { name: 'intyg.pdf' }).first().waitFor();
    await file.setInputFiles(exe);
    await page.getByRole('button', { name: 'Bifoga' }).click();
    await page.getByText('Filen är inte en PDF, JPEG eller PNG', { exact: false }).waitFor();
    check(await page.getByRole('link', { name: 'program.pdf' }).count() === 0, 'the renamed program is not stored');
  }

  async function printsTimeline(t) {
    const page = t.journal;
    await page.locator('.record-events li').filter({ hasText: 'Rättelse av anteckning' }).first().waitFor();
    await page.emulateMedia({ media: 'print' });
    check(!(await page.getByRole('button', { name: 'Signera anteckningen' }).isVisible()), 'the journal form is not printed');
    check(await page.locator('.record-events').isVisible(), 'the timeline is printed');
    const file = path.join(shots, 'tidslinje.pdf');
    await page.pdf({ path: file, format: 'A4' });
    check(fs.statSync(file).size > 5000, 'the printed timeline is not empty');
    await page.emulateMedia({ media: 'screen' });
  }

  async function extractForAf(t) {
    const page = t.journal;
    // The person consents to AF receiving the labour-market situation (health is never consented to here).
    const given = await page.evaluate(async ([caseNumber, day]) => {
      // A write by session carries the session's CSRF token, which the server gives this page in a cookie.
      const token = (document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '').slice('XSRF-TOKEN='.length);
      const response = await fetch(`../api/cases/${encodeURIComponent(caseNumber)}/consents`, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': token },
        body: JSON.stringify({ party: 'AF', category: 'LABOUR_MARKET', direction: 'DISCLOSE', purpose: 'Planering', givenOn: day })
      });
      return response.status;
    }, [planCase, new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date())]);
    check(given === 201, `the consent is recorded (${given})`);
    await page.getByLabel('Part', { exact: true }).selectOption('AF');
    await page.getByRole('button', { name: 'Gör utdrag' }).click();
    await page.getByText(/^Utdrag till Arbetsförmedlingen\. Lämnas: .*Arbetsmarknadssituation/).waitFor();
    check(await page.locator('.extract-withheld').filter({ hasText: 'Fysisk och psykisk hälsa' }).count() === 1,
      'health is listed as withheld');
    await page.locator('.record-events li').filter({ hasText: 'Utdrag till Arbetsförmedlingen' }).first().waitFor();
    await t.shot('journal-utdrag', page.locator('body'));
    await page.close();
  }

  return {
    formSurvivesCaseTab: { name: 'Tasklist: what anna typed in the plan form is still there after a look at the case', run: formSurvivesCaseTab },
    record: [
      { name: 'Journal: anna signs an entry, corrects it, and sees both', run: signsAndCorrects },
      { name: 'Journal: a PDF is attached, a renamed .exe is refused in Swedish', run: uploadsAndRefuses },
      { name: 'Journal: the timeline prints without the forms', run: printsTimeline },
      { name: 'Journal: an extract for AF leaves out what the consent does not cover', run: extractForAf }
    ]
  };
}
