"use client";
import { CONFIDENCE_LABEL, VERDICT_LABEL } from "@/lib/labels";
import { plural } from "@/lib/format";
import type { ClaimForYou, Watching } from "@/lib/users/for-you";
import { WatchButton } from "../forms/activity-forms";
import { SpreadLine } from "../assessment-spread";
import { useForYou } from "./store";

// A reader page's parts that are the signed-in user's alone (decision 0021). Each is given its
// data when the page was rendered for its user, and fetches it on a page kept for a role.

/** Watching the claim and its topic. */
export function ClaimWatch({ claimId, given }: { claimId: string; given: ClaimForYou | null }) {
  const fetched = useForYou(given === null);
  const yours = given ?? fetched?.claim ?? null;
  if (!yours) return null;
  return (
    <div className="watch-actions">
      <WatchButton target={{ claimId }} watching={yours.claim.watching} noun="this claim" />
      {yours.topic ? <WatchButton target={{ topicId: yours.topic.id }} watching={yours.topic.watching} noun={`the topic ${yours.topic.name}`} /> : null}
    </div>
  );
}

/** Watching the source. */
export function SourceWatch({ sourceId, given }: { sourceId: string; given: Watching | null }) {
  const fetched = useForYou(given === null);
  const yours = given ?? fetched?.source ?? null;
  if (!yours) return null;
  return (
    <div className="watch-actions">
      <WatchButton target={{ sourceId }} watching={yours.watching} noun="this source" />
    </div>
  );
}

/** The signed-in analyst's own assessment, and the others' once blind mode lets them see them. */
export function YourAssessment({ slug, given }: { slug: string; given: ClaimForYou | null }) {
  const fetched = useForYou(given === null);
  const assessment = (given ?? fetched?.claim)?.assessment ?? null;
  if (!assessment) return null;
  const { mine } = assessment;
  return (
    <section className="your-assessment" aria-labelledby="your-assessment-heading">
      <h3 id="your-assessment-heading">Your assessment</h3>
      <p>
        {mine ? (
          <>
            You said <strong>{VERDICT_LABEL[mine.rating]}</strong> ({CONFIDENCE_LABEL[mine.confidence].toLowerCase()} confidence).{" "}
          </>
        ) : (
          <>You have not assessed this claim. </>
        )}
        <a href={`/claims/${slug}/review#assessments-heading`}>{mine ? "Change it or see the others'" : "Give yours"}</a>
      </p>
      {assessment.published ? null : assessment.spread ? (
        <SpreadLine spread={assessment.spread} />
      ) : (
        <p className="muted">
          {plural(assessment.count, "analyst")} assessed it so far. {assessment.hiddenBecause}
        </p>
      )}
    </section>
  );
}
