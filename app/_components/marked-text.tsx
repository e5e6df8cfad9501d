/** Text with some of its spans marked: a search result's matching words ([from, to) offsets into `text`). */
export function MarkedText({ text, marks }: { text: string; marks: readonly (readonly [number, number])[] }) {
  const pieces: React.ReactNode[] = [];
  let at = 0;
  for (const [from, to] of marks) {
    if (from > at) pieces.push(text.slice(at, from));
    pieces.push(<mark key={from}>{text.slice(from, to)}</mark>);
    at = to;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return <>{pieces}</>;
}
