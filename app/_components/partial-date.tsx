import { formatPartialDate, isoPartialDate } from "@/lib/format";

export function PartialDate({ date, precision }: { date: Date | null; precision: string | null }) {
  const iso = isoPartialDate(date, precision);
  const words = formatPartialDate(date, precision);
  return iso ? <time dateTime={iso}>{words}</time> : <span>{words}</span>;
}
