import type { PlacedOutlet } from "@/lib/camps/places";
import { END } from "@/lib/camps/fit";

const WIDTH = 320;
const MIDDLE = WIDTH / 2;
const HALF = 140;
const SIDE_LABEL = { supports: "supports", disputes: "disputes", both: "supports and disputes" } as const;

/**
 * Where a claim's outlets sit on the camps' axis (decision 0024): a line from one end to the other,
 * the ends shaded, each outlet a dot (filled: supports, hollow: disputes, half: both), with the same
 * facts as a list for readers who do not see the picture.
 */
export function CampsAxis({ outlets }: { outlets: readonly PlacedOutlet[] }) {
  // To a tenth of a pixel: the page's HTML need not carry 14 decimals a dot.
  const x = (place: number) => Math.round((MIDDLE + place * HALF) * 10) / 10;
  // Outlets close together are stacked, so that no dot hides another.
  const rows: number[] = [];
  const placed = outlets.map((o) => {
    let row = 0;
    while (rows[row] !== undefined && x(o.place) - rows[row]! < 12) row += 1;
    rows[row] = x(o.place);
    return { ...o, cx: x(o.place), cy: 40 - row * 12 };
  });
  return (
    <figure className="camps-axis">
      <svg viewBox={`0 0 ${WIDTH} 64`} width={WIDTH} height={64} role="img" aria-labelledby="camps-axis-caption">
        <rect x={x(-1) - 6} y={8} width={(1 - END) * HALF + 6} height={44} className="camps-end" />
        <rect x={x(END)} y={8} width={(1 - END) * HALF + 6} height={44} className="camps-end" />
        <line x1={x(-1)} y1={52} x2={x(1)} y2={52} className="camps-line" />
        {placed.map((o) => (
          <circle key={o.id} cx={o.cx} cy={o.cy} r={5} className={`camps-dot camps-${o.side}`}>
            <title>{`${o.name}: ${SIDE_LABEL[o.side]} (place ${o.place.toFixed(2)})`}</title>
          </circle>
        ))}
        <text x={x(-1)} y={63} className="camps-label">
          one end
        </text>
        <text x={x(1)} y={63} textAnchor="end" className="camps-label">
          the other end
        </text>
      </svg>
      <figcaption id="camps-axis-caption">
        Where this claim&apos;s outlets sit, from one end to the other:{" "}
        {outlets.map((o, i) => (
          <span key={o.id}>
            {i > 0 ? "; " : ""}
            {o.name} ({SIDE_LABEL[o.side]}, {o.place.toFixed(2)})
          </span>
        ))}
        .
      </figcaption>
    </figure>
  );
}
