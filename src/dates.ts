/**
 * Dates as readers expect them in a UK handbook ("1 March 2024"). Formatted by hand rather
 * than with Intl so the output never depends on the ICU data or time zone of the machine
 * that builds a release (releases must be reproducible).
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2024-03-01` → `1 March 2024`; anything that is not an ISO date is returned unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}
