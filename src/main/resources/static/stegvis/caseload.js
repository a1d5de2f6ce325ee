// Stegvis: what "Mina deltagare" asks the server and says about the answer (deltagare.js draws it).
// No DOM here, so node --test can check it (src/test/js/caseload.test.mjs).

/** Rows per request; "Visa fler" asks for the next as many. */
export const PAGE_SIZE = 100;

/**
 * The address of a list: a search (`/api/cases`, all hits at once) when there is a search text,
 * else a page of the caseload (`/api/caseload`) from `offset`. Filters and sorting are the server's.
 */
export function listUrl(api, { q, status, due, coach, sort, order }, offset = 0) {
  const params = new URLSearchParams({ status });
  if (due) {
    params.set('due', due);
  }
  if (sort) {
    params.set('sort', sort);
    params.set('order', order === 'desc' ? 'desc' : 'asc');
  }
  if (q) {
    params.set('q', q);
    return new URL(`cases?${params}`, api);
  }
  if (coach) {
    params.set('coach', coach);
  }
  params.set('offset', String(offset));
  params.set('limit', String(PAGE_SIZE));
  return new URL(`caseload?${params}`, api);
}

/** The page's own address for the same list (to reload or share): the choices, not the page number. */
export function pageQuery({ q, status, due, coach, sort, order }) {
  const params = new URLSearchParams({ status });
  for (const [key, value] of Object.entries({ q, due, coach, sort })) {
    if (value) {
      params.set(key, value);
    }
  }
  if (sort && order === 'desc') {
    params.set('order', 'desc');
  }
  return `?${params}`;
}

/** "812 deltagare, varav 30 med försenat steg. Visar 1–100." (a search: its hits, all shown). */
export function summaryText({ total, late, shown }) {
  const lateText = late ? `, varav ${late} med försenat steg` : '';
  const range = shown < total ? ` Visar 1–${shown}.` : '';
  return `${total} deltagare${lateText}.${range}`;
}

/** A coach's heading in a manager's list: "Anna Coach: 12 deltagare, 3 försenade". */
export function coachHeading(count) {
  const name = count && count.coachName ? count.coachName : 'Ingen coach ännu';
  if (!count) {
    return name;
  }
  return `${name}: ${count.cases} deltagare`
    + (count.late ? `, ${count.late} ${count.late === 1 ? 'försenad' : 'försenade'}` : '');
}

/** "Visa fler (712 kvar)". */
export function moreText(total, shown) {
  return `Visa fler (${total - shown} kvar)`;
}
