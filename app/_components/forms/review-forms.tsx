"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  addRelationAction,
  assessClaimAction,
  assessStanceAction,
  assignClaimAction,
  gradeOutletAction,
  gradeSourceAction,
  mergeClaimsAction,
  removeRelationAction,
  revealAssessmentsAction,
  setClaimQuantityAction,
  setVerdictAction,
  splitCopiesAction,
  undoMergeAction,
} from "@/app/_actions/review";
import { CREDIBILITY_SCALE, RELIABILITY_SCALE } from "@/lib/analysis/grading";
import { CONFIDENCE_LABEL, QUANTITY_KIND_LABEL, RELATION_LABEL, VERDICT_LABEL } from "@/lib/labels";
import type { ActionResult } from "@/lib/http/action-result";
import { Field, invalidProps } from "./field";
import { WriteForm } from "./write-form";
import { useWrite } from "./use-write";

// Analysts' forms. Each saves through a server action in app/_actions/review.ts, which
// checks the role again; these only collect the input.

const GIVEN = Object.keys(VERDICT_LABEL).filter((v) => v !== "UNREVIEWED");

/** After a write that stays on the page: show the page as it now is. */
function useRefresh() {
  const router = useRouter();
  return () => router.refresh();
}

type Rated = { rating: string; confidence: string; rationale: string };

/**
 * A rating, its confidence and why: the published verdict, or an analyst's own assessment
 * (the same fields, checked by the same schema).
 */
function RatingForm({
  id,
  save,
  initial = { rating: "", confidence: "MEDIUM", rationale: "" },
  labels,
}: {
  id: string;
  save: (fields: Rated) => Promise<ActionResult<unknown>>;
  initial?: Rated;
  labels: { rating: string; confidence: string; rationale: string; submit: string };
}) {
  const refresh = useRefresh();
  const { problem, errors, pending, run } = useWrite();
  const [fields, setFields] = useState(initial);
  return (
    <WriteForm problem={problem} onSubmit={() => run(() => save(fields), refresh)}>
      <Field id={`${id}-rating`} label={labels.rating} error={errors.rating}>
        <select
          id={`${id}-rating`}
          value={fields.rating}
          onChange={(e) => setFields({ ...fields, rating: e.target.value })}
          {...invalidProps(`${id}-rating`, errors.rating)}
        >
          <option value="">Choose a rating</option>
          {GIVEN.map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABEL[v]}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-confidence`} label={labels.confidence} error={errors.confidence}>
        <select id={`${id}-confidence`} value={fields.confidence} onChange={(e) => setFields({ ...fields, confidence: e.target.value })}>
          {Object.entries(CONFIDENCE_LABEL).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-rationale`} label={labels.rationale} error={errors.rationale}>
        <textarea
          id={`${id}-rationale`}
          rows={4}
          value={fields.rationale}
          onChange={(e) => setFields({ ...fields, rationale: e.target.value })}
          {...invalidProps(`${id}-rationale`, errors.rationale)}
        />
      </Field>
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </WriteForm>
  );
}

export function VerdictForm({ claimId }: { claimId: string }) {
  return (
    <RatingForm
      id="verdict"
      save={(fields) => setVerdictAction({ claimId, ...fields })}
      labels={{ rating: "Verdict", confidence: "Confidence", rationale: "Rationale (shown with the verdict)", submit: "Publish the verdict" }}
    />
  );
}

/** The analyst's own assessment: blind to the others' until given (decision 0019). */
export function AssessmentForm({ claimId, mine }: { claimId: string; mine: Rated | null }) {
  return (
    <RatingForm
      id="assessment"
      save={(fields) => assessClaimAction({ claimId, ...fields })}
      initial={mine ?? undefined}
      labels={{
        rating: "Your rating",
        confidence: "Your confidence",
        rationale: "Your reasons",
        submit: mine ? "Change your assessment" : "Give your assessment",
      }}
    />
  );
}

/** Shows the other analysts' assessments before giving one's own. */
export function RevealButton({ claimId }: { claimId: string }) {
  const refresh = useRefresh();
  const { problem, pending, run } = useWrite();
  return (
    <WriteForm className="form form-inline" problem={problem} onSubmit={() => run(() => revealAssessmentsAction({ claimId }), refresh)}>
      <button type="submit" disabled={pending}>
        See the others&apos; assessments without giving mine
      </button>
    </WriteForm>
  );
}

export function AssignForm({
  claimId,
  assigneeId,
  analysts,
  label = "Assigned to",
}: {
  claimId: string;
  assigneeId: string | null;
  analysts: { id: string; name: string }[];
  label?: string;
}) {
  const refresh = useRefresh();
  const { problem, errors, pending, run } = useWrite();
  const [assignee, setAssignee] = useState(assigneeId ?? "");
  const id = `assign-${claimId}`;
  return (
    <WriteForm className="form form-inline" problem={problem} onSubmit={() => run(() => assignClaimAction({ claimId, assigneeId: assignee || null }), refresh)}>
      <Field id={id} label={label} error={errors.assigneeId}>
        <select id={id} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">Nobody</option>
          {analysts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={pending}>
        Assign
      </button>
    </WriteForm>
  );
}

export function QuantityForm({ claim }: { claim: { id: string; version: number; quantityKind: string | null } }) {
  const refresh = useRefresh();
  const { problem, errors, pending, run } = useWrite();
  const [kind, setKind] = useState(claim.quantityKind ?? "");
  return (
    <WriteForm
      className="form form-inline"
      problem={problem}
      onSubmit={() => run(() => setClaimQuantityAction({ id: claim.id, version: claim.version, quantityKind: kind || null }), refresh)}
    >
      <Field id="quantity-kind" label="This claim is about" error={errors.quantityKind}>
        <select id="quantity-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">Neither a number nor a date</option>
          {Object.entries(QUANTITY_KIND_LABEL).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={pending}>
        Save
      </button>
    </WriteForm>
  );
}

export function RelationForm({ fromClaimId }: { fromClaimId: string }) {
  const refresh = useRefresh();
  const { problem, errors, pending, run } = useWrite();
  const [fields, setFields] = useState({ kind: "CONTRADICTS", toClaim: "", note: "" });
  return (
    <WriteForm
      problem={problem}
      onSubmit={() =>
        run(
          () => addRelationAction({ fromClaimId, ...fields }),
          () => {
            setFields({ ...fields, toClaim: "", note: "" });
            refresh();
          },
        )
      }
    >
      <Field id="relation-kind" label="This claim" error={errors.kind}>
        <select id="relation-kind" value={fields.kind} onChange={(e) => setFields({ ...fields, kind: e.target.value })}>
          {Object.entries(RELATION_LABEL).map(([v, label]) => (
            <option key={v} value={v}>
              {label.from.toLowerCase()}
            </option>
          ))}
        </select>
      </Field>
      <Field id="relation-to" label="The other claim (its address, e.g. dprk-troops-deployed-to-russia)" error={errors.toClaim}>
        <input
          id="relation-to"
          value={fields.toClaim}
          onChange={(e) => setFields({ ...fields, toClaim: e.target.value })}
          {...invalidProps("relation-to", errors.toClaim)}
        />
      </Field>
      <Field id="relation-note" label="Note (optional)" error={errors.note}>
        <input id="relation-note" value={fields.note} onChange={(e) => setFields({ ...fields, note: e.target.value })} />
      </Field>
      <button type="submit" disabled={pending}>
        Relate the claims
      </button>
    </WriteForm>
  );
}

/** A one-button write (remove a relation, undo a merge), with its refusal shown beside it. */
function ButtonForm({ label, write, danger = false }: { label: string; write: () => Promise<ActionResult<unknown>>; danger?: boolean }) {
  const refresh = useRefresh();
  const { problem, pending, run } = useWrite();
  return (
    <WriteForm className="form form-button" problem={problem} onSubmit={() => run(write, refresh)}>
      <button type="submit" className={danger ? "danger" : undefined} disabled={pending}>
        {label}
      </button>
    </WriteForm>
  );
}

export function RemoveRelationButton({ id, label }: { id: string; label: string }) {
  return <ButtonForm label={label} write={() => removeRelationAction({ id })} />;
}

export function SplitCopiesButton({ copyId, title }: { copyId: string; title: string }) {
  return <ButtonForm label={`Not copies: count apart from “${title}”`} write={() => splitCopiesAction({ copyId })} />;
}

export function UndoMergeButton({ mergeId, label }: { mergeId: string; label: string }) {
  return <ButtonForm label={label} write={() => undoMergeAction({ mergeId })} />;
}

export function MergeForm({ fromClaimId }: { fromClaimId: string }) {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [fields, setFields] = useState({ intoClaim: "", reason: "" });
  return (
    <WriteForm
      problem={problem}
      onSubmit={() =>
        run(
          () => mergeClaimsAction({ fromClaimId, ...fields }),
          (result) => router.push(`/claims/${result.slug}`),
        )
      }
    >
      <Field id="merge-into" label="Merge into (the surviving claim's address)" error={errors.intoClaim}>
        <input
          id="merge-into"
          value={fields.intoClaim}
          onChange={(e) => setFields({ ...fields, intoClaim: e.target.value })}
          {...invalidProps("merge-into", errors.intoClaim)}
        />
      </Field>
      <Field id="merge-reason" label="Why they are the same claim" error={errors.reason}>
        <textarea
          id="merge-reason"
          rows={2}
          value={fields.reason}
          onChange={(e) => setFields({ ...fields, reason: e.target.value })}
          {...invalidProps("merge-reason", errors.reason)}
        />
      </Field>
      <button type="submit" className="danger" disabled={pending}>
        Merge the claims
      </button>
    </WriteForm>
  );
}

export function GradeForm({
  kind,
  id,
  version,
  reliability,
  reason,
}: {
  kind: "outlet" | "source";
  id: string;
  version: number;
  reliability: string | null;
  reason: string | null;
}) {
  const refresh = useRefresh();
  const { problem, errors, pending, run } = useWrite();
  const [fields, setFields] = useState({ reliability: reliability ?? "", reason: reason ?? "" });
  const action = kind === "outlet" ? gradeOutletAction : gradeSourceAction;
  const prefix = `grade-${id}`;
  return (
    <WriteForm
      className="form form-inline"
      problem={problem}
      onSubmit={() => run(() => action({ id, version, reliability: fields.reliability || null, reason: fields.reason }), refresh)}
    >
      <Field id={`${prefix}-reliability`} label={kind === "outlet" ? "Reliability" : "This source's own reliability"} error={errors.reliability}>
        <select id={`${prefix}-reliability`} value={fields.reliability} onChange={(e) => setFields({ ...fields, reliability: e.target.value })}>
          <option value="">{kind === "outlet" ? "Not graded" : "As its outlet"}</option>
          {RELIABILITY_SCALE.map((r) => (
            <option key={r.grade} value={r.grade}>
              {r.grade} — {r.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${prefix}-reason`} label="Reason" error={errors.reason}>
        <input
          id={`${prefix}-reason`}
          value={fields.reason}
          onChange={(e) => setFields({ ...fields, reason: e.target.value })}
          {...invalidProps(`${prefix}-reason`, errors.reason)}
        />
      </Field>
      <button type="submit" disabled={pending}>
        Save the grade
      </button>
    </WriteForm>
  );
}

type AssessedStance = { id: string; version: number; credibility: number | null; intervalManual: boolean; intervalLow: string; intervalHigh: string };

export function StanceAssessmentForm({ stance, quantityKind }: { stance: AssessedStance; quantityKind: string | null }) {
  const refresh = useRefresh();
  const { problem, errors, pending, run } = useWrite();
  const [fields, setFields] = useState({
    credibility: stance.credibility === null ? "" : String(stance.credibility),
    intervalManual: stance.intervalManual,
    intervalLow: stance.intervalLow,
    intervalHigh: stance.intervalHigh,
  });
  const p = `assess-${stance.id}`;
  const boundHint = quantityKind === "DATE" ? "YYYY, YYYY-MM or YYYY-MM-DD; blank for open" : "a figure such as 10,000; blank for open";
  return (
    <WriteForm
      className="form form-inline"
      problem={problem}
      onSubmit={() => run(() => assessStanceAction({ id: stance.id, version: stance.version, ...fields, credibility: fields.credibility || null }), refresh)}
    >
      <Field id={`${p}-credibility`} label="Credibility" error={errors.credibility}>
        <select id={`${p}-credibility`} value={fields.credibility} onChange={(e) => setFields({ ...fields, credibility: e.target.value })}>
          <option value="">Not assessed</option>
          {CREDIBILITY_SCALE.map((c) => (
            <option key={c.value} value={c.value}>
              {c.value} — {c.label}
            </option>
          ))}
        </select>
      </Field>
      {quantityKind ? (
        <>
          <div className="field">
            <label>
              <input type="checkbox" checked={fields.intervalManual} onChange={(e) => setFields({ ...fields, intervalManual: e.target.checked })} /> Set the
              interval by hand
            </label>
          </div>
          {fields.intervalManual ? (
            <>
              <Field id={`${p}-low`} label="From" error={errors.intervalLow} hint={boundHint}>
                <input
                  id={`${p}-low`}
                  value={fields.intervalLow}
                  onChange={(e) => setFields({ ...fields, intervalLow: e.target.value })}
                  {...invalidProps(`${p}-low`, errors.intervalLow)}
                />
              </Field>
              <Field id={`${p}-high`} label="To" error={errors.intervalHigh}>
                <input
                  id={`${p}-high`}
                  value={fields.intervalHigh}
                  onChange={(e) => setFields({ ...fields, intervalHigh: e.target.value })}
                  {...invalidProps(`${p}-high`, errors.intervalHigh)}
                />
              </Field>
            </>
          ) : null}
        </>
      ) : null}
      <button type="submit" disabled={pending}>
        Save the assessment
      </button>
    </WriteForm>
  );
}
