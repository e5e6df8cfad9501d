import { describe, expect, it } from "vitest";
import { agreementOf, END, fitCamps, type Vote } from "./fit";

/**
 * A generated corpus with two planted camps: 10 outlets in camp L and 10 in camp R. 40 claims each
 * camp supports and the other disputes, 10 claims both camps support, each outlet voting on a claim
 * with probability 0.6, and one vote in twenty flipped.
 */
function plantedCorpus(seed = 7) {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  const outlets = [...Array.from({ length: 10 }, (_, i) => `left-${i}`), ...Array.from({ length: 10 }, (_, i) => `right-${i}`)];
  const claims = [
    ...Array.from({ length: 40 }, (_, i) => ({ id: `l-claim-${i}`, camp: "left" })),
    ...Array.from({ length: 40 }, (_, i) => ({ id: `r-claim-${i}`, camp: "right" })),
    ...Array.from({ length: 10 }, (_, i) => ({ id: `both-claim-${i}`, camp: "both" })),
  ];
  const votes: Vote[] = [];
  for (const claim of claims)
    for (const outlet of outlets) {
      if (random() > 0.6) continue;
      const side = outlet.startsWith("left") ? "left" : "right";
      let value: 1 | -1 = claim.camp === "both" || claim.camp === side ? 1 : -1;
      if (random() < 0.05) value = value === 1 ? -1 : 1;
      votes.push({ outlet, claim: claim.id, value });
    }
  return { outlets, claims, votes };
}

describe("agreement across camps", () => {
  it("separates two planted camps: every outlet of one at one end, every outlet of the other at the other", () => {
    const { outlets, votes } = plantedCorpus();
    const fit = fitCamps(votes);
    expect(fit.explained).toBeGreaterThan(0.5);
    const left = outlets.filter((o) => o.startsWith("left")).map((o) => fit.outlets.get(o)!);
    const right = outlets.filter((o) => o.startsWith("right")).map((o) => fit.outlets.get(o)!);
    // "left-0" comes first by id, so camp L is the negative end.
    for (const p of left) expect(p).toBeLessThanOrEqual(-END);
    for (const p of right) expect(p).toBeGreaterThanOrEqual(END);
  });

  it("marks the planted cross-camp claims across, and the one-camp claims one side", () => {
    const { claims, votes } = plantedCorpus(11);
    const fit = fitCamps(votes);
    const marks = new Map(
      claims.map((c) => [
        c.id,
        agreementOf(
          votes.filter((v) => v.claim === c.id).map((v) => ({ place: fit.outlets.get(v.outlet)!, value: v.value })),
          fit,
        ),
      ]),
    );
    // The planted cross-camp claims, and only they, are marked across; every one-camp claim is marked one side.
    expect(claims.filter((c) => marks.get(c.id) === "ACROSS").map((c) => c.id)).toEqual(claims.filter((c) => c.camp === "both").map((c) => c.id));
    expect(claims.filter((c) => c.camp !== "both").every((c) => marks.get(c.id) === "ONE_SIDE")).toBe(true);
  });

  it("gives the same places whatever order the votes come in, and marks nothing when there are no camps", () => {
    const { votes } = plantedCorpus();
    const once = fitCamps(votes);
    const again = fitCamps([...votes].reverse());
    expect([...again.outlets]).toEqual([...once.outlets]);
    // Everyone supports everything: no axis to find.
    const agreed: Vote[] = [];
    for (let o = 0; o < 8; o++) for (let c = 0; c < 20; c++) agreed.push({ outlet: `o${o}`, claim: `c${c}`, value: 1 });
    const flat = fitCamps(agreed);
    expect(flat.explained).toBeLessThan(0.2);
    expect(
      agreementOf(
        [...flat.outlets.values()].map((place) => ({ place, value: 1 as const })),
        flat,
      ),
    ).toBeNull();
    expect(fitCamps([{ outlet: "alone", claim: "once", value: 1 }]).outlets.size).toBe(0);
    // One outlet at an end is not a camp.
    expect(
      agreementOf(
        [
          { place: -1, value: 1 },
          { place: 1, value: 1 },
        ],
        { explained: 0.9, ends: { low: 1, high: 3 } },
      ),
    ).toBeNull();
    expect(
      agreementOf(
        [
          { place: -1, value: 1 },
          { place: 1, value: 1 },
        ],
        { explained: 0.9, ends: { low: 2, high: 3 } },
      ),
    ).toBe("ACROSS");
    // A claim one outlet alone supports, and nobody at the other end disputes, is no camp's.
    expect(agreementOf([{ place: -1, value: 1 }], { explained: 0.9, ends: { low: 2, high: 3 } })).toBeNull();
    expect(
      agreementOf(
        [
          { place: -1, value: 1 },
          { place: 0.9, value: -1 },
        ],
        { explained: 0.9, ends: { low: 2, high: 3 } },
      ),
    ).toBe("ONE_SIDE");
  });
});
