const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A publication date as precisely as it is known: "6 November 2024", "November 2024", "2024". */
export function formatPartialDate(date: Date | null, precision: string | null): string {
  if (!date) return "Date unknown";
  const year = date.getUTCFullYear();
  const month = MONTHS[date.getUTCMonth()];
  if (precision === "YEAR") return String(year);
  if (precision === "MONTH") return `${month} ${year}`;
  return `${date.getUTCDate()} ${month} ${year}`;
}

/** ISO form with the same precision, for <time dateTime> and the API. */
export function isoPartialDate(date: Date | null, precision: string | null): string | null {
  if (!date) return null;
  const iso = date.toISOString().slice(0, 10);
  return precision === "YEAR" ? iso.slice(0, 4) : precision === "MONTH" ? iso.slice(0, 7) : iso;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** A field's value before or after a change, as a history shows it. */
export const showChangedValue = (value: unknown) => (value === null || value === undefined || value === "" ? "(none)" : String(value));

/** A text cut to at most `max` characters at a word, with an ellipsis when it was cut. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
