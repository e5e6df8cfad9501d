"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { markDistinctAction, mergeClaimsAction } from "@/app/_actions/review";
import { Field, invalidProps } from "@/app/_components/forms/field";
import { WriteForm } from "@/app/_components/forms/write-form";
import { useWrite } from "@/app/_components/forms/use-write";

type Side = { id: string; slug: string; text: string };

/**
 * One proposed pair's decision: merge one claim into the other (the existing merge, which can be
 * undone on the survivor's review page), or mark them distinct so the pair is not proposed again.
 */
export function PairDecision({ pairId, a, b }: { pairId: string; a: Side; b: Side }) {
  const router = useRouter();
  const id = useId();
  const merge = useWrite();
  const distinct = useWrite();
  const [keep, setKeep] = useState<"a" | "b">("a");
  const [reason, setReason] = useState("");
  const [from, into] = keep === "a" ? [b, a] : [a, b];
  return (
    <div className="pair-decision">
      <WriteForm
        problem={merge.problem}
        onSubmit={() =>
          merge.run(
            () => mergeClaimsAction({ fromClaimId: from.id, intoClaim: into.slug, reason }),
            () => router.refresh(),
          )
        }
      >
        <fieldset>
          <legend>Keep which wording?</legend>
          <label className="choice">
            <input type="radio" name={`${id}-keep`} checked={keep === "a"} onChange={() => setKeep("a")} /> The first
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-keep`} checked={keep === "b"} onChange={() => setKeep("b")} /> The second
          </label>
        </fieldset>
        <Field id={`${id}-reason`} label="Why they are the same claim" error={merge.errors.reason}>
          <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} {...invalidProps(`${id}-reason`, merge.errors.reason)} />
        </Field>
        <button type="submit" className="danger" disabled={merge.pending}>
          Merge into the one kept
        </button>
      </WriteForm>
      <WriteForm
        className="form form-button"
        problem={distinct.problem}
        onSubmit={() =>
          distinct.run(
            () => markDistinctAction({ pairId }),
            () => router.refresh(),
          )
        }
      >
        <button type="submit" className="secondary" disabled={distinct.pending}>
          Not the same claim
        </button>
      </WriteForm>
    </div>
  );
}
