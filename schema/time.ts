const VN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date of an instant in Asia/Ho_Chi_Minh, 'YYYY-MM-DD' (dates in the data are Vietnamese dates). */
export const vietnamDate = (instant: Date): string => VN_DATE.format(instant);

/** An instant as ISO 8601 with the +07:00 offset, e.g. '2026-11-05T08:30:00+07:00'. */
export function vietnamDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return `${shifted.slice(0, 19)}+07:00`;
}
