// A value with the search's matched span marked. The API counts characters (code points), end
// exclusive; JavaScript strings count UTF-16 units, so the value is split by code points.
export interface Span {
  start: number;
  end: number;
}

export function splitHighlight(value: string, span: Span | null | undefined): [string, string, string] {
  const chars = Array.from(value);
  if (!span) return [value, "", ""];
  const start = Math.max(0, Math.min(span.start, chars.length));
  const end = Math.max(start, Math.min(span.end, chars.length));
  return [chars.slice(0, start).join(""), chars.slice(start, end).join(""), chars.slice(end).join("")];
}

export function HighlightedText({ value, highlight }: { value: string; highlight: Span | null | undefined }) {
  const [before, marked, after] = splitHighlight(value, highlight);
  if (!marked) return <>{value}</>;
  return (
    <>
      {before}
      <mark>{marked}</mark>
      {after}
    </>
  );
}
