import { formatBound, formatInterval, type Interval, type QuantityKind } from "@/lib/analysis/intervals";
import { POSITION_LETTER } from "@/lib/labels";
import type { Position } from "@/lib/analysis/conflict";

export type AxisRow = { key: string; label: string; position: Position; interval: Interval; words: string | null; manual: boolean };

const WIDTH = 720;
/** Each row: its label on one line, its bar under it. */
const ROW = 40;
const LEFT = 8;
const RIGHT = 8;

/**
 * Every source's interval on one axis. The drawing is a picture of the table below it,
 * which says the same in words; open bounds run to the edge with an arrow.
 */
export function IntervalAxis({ kind, rows, overlap }: { kind: QuantityKind; rows: AxisRow[]; overlap: Interval | null }) {
  const finite = rows.flatMap((r) => [r.interval.low, r.interval.high]).filter((n): n is number => n !== null);
  const min = kind === "NUMBER" ? Math.min(0, ...finite) : Math.min(...finite);
  const spread = Math.max(...finite) - min || Math.max(1, Math.abs(min));
  const max = min + spread * 1.2;
  const x = (n: number | null, open: number) => LEFT + (((n === null ? open : n) - min) / (max - min)) * (WIDTH - LEFT - RIGHT);
  const height = rows.length * ROW + 30;
  const ticks = [min, min + (max - min) / 2, max].map((t) => (kind === "NUMBER" ? Math.round(t) : t));
  const describe = rows.map((r) => `${r.label}: ${formatInterval(kind, r.interval)}`).join("; ");

  return (
    <figure className="interval-axis">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`The sources' figures on one axis. ${describe}`}>
        {overlap ? (
          <rect
            className="axis-overlap"
            x={x(overlap.low, min)}
            y={0}
            width={Math.max(2, x(overlap.high, max) - x(overlap.low, min))}
            height={rows.length * ROW}
          />
        ) : null}
        {rows.map((r, i) => {
          const y = i * ROW + 28;
          const from = x(r.interval.low, min);
          const to = x(r.interval.high, max);
          return (
            <g key={r.key} className={`axis-row axis-${r.position.toLowerCase()}`}>
              <line x1={from} x2={Math.max(to, from + 2)} y1={y} y2={y} strokeWidth={8} strokeLinecap="butt" />
              {r.interval.high === null ? <path d={`M ${to - 8} ${y - 8} L ${to} ${y} L ${to - 8} ${y + 8}`} fill="none" strokeWidth={2} /> : null}
              <text x={LEFT} y={y - 10} className="axis-label">
                {POSITION_LETTER[r.position]} · {r.label}
              </text>
            </g>
          );
        })}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={rows.length * ROW + 6} y2={rows.length * ROW + 6} className="axis-line" />
        {ticks.map((t, i) => (
          <text key={i} x={x(t, t)} y={rows.length * ROW + 24} textAnchor={i === 0 ? "start" : i === 2 ? "end" : "middle"} className="axis-tick">
            {formatBound(kind, t)}
          </text>
        ))}
      </svg>
      <figcaption className="muted">S supports, Q qualifies, D disputes the claim. The shaded band is where most sources&apos; figures overlap.</figcaption>
    </figure>
  );
}
