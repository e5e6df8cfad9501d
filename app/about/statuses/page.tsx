import type { Metadata } from "next";
import { STATUS_RULES } from "@/lib/conflict";
import { MODE_LABEL } from "@/lib/labels";
import { StatusBadge } from "../../_components/status-badge";
import { AgreementBar } from "../../_components/agreement-bar";

export const metadata: Metadata = { title: "About the statuses" };

export default function AboutStatusesPage() {
  return (
    <article className="prose">
      <h1>About the statuses</h1>
      <p>
        A claim&apos;s status is computed from its stances — the quoted passages that link it to sources — by the rules below,
        taken in order: the first rule that matches gives the status. It changes whenever a stance is added, edited,
        retracted or restored; a retracted stance counts for nothing.
      </p>
      <dl className="status-rules">
        {STATUS_RULES.map((r) => (
          <div key={r.status}>
            <dt><StatusBadge status={r.status} /></dt>
            <dd>{r.rule}</dd>
          </div>
        ))}
      </dl>
      <h2>What is counted</h2>
      <ul>
        <li>
          <strong>Sources, not quotes.</strong> An article that repeats an allegation three times is one supporting source.
        </li>
        <li>
          <strong>A source can be on both sides.</strong> An article that reports an allegation and also rebuts it counts as
          supporting and as disputing, so the claim is contested.
        </li>
        <li>
          <strong>Qualifications take no side.</strong> A source that narrows a claim (&quot;over 10,000&quot; against &quot;some
          10,000&quot;, &quot;if confirmed&quot;) is shown in the middle column and counted, but never changes the status.
        </li>
        <li>
          <strong>Who speaks is recorded, not weighed.</strong> A publisher quoting a government and the publisher&apos;s own
          voice count alike here; each quote shows its speaker so you can judge.
        </li>
      </ul>
      <h2>The agreement bar</h2>
      <p>Each claim shows how many sources support, qualify and dispute it, as a bar and in words:</p>
      <AgreementBar supports={2} qualifies={1} disputes={1} />
      <p>
        The parts differ in pattern as well as colour: solid for support, stripes for qualification, cross-hatching for dispute.
        On a claim&apos;s page the same counts are broken down by kind of outlet (public broadcaster, state news agency, blog…).
      </p>
      <h2>Most contested first</h2>
      <p>
        Lists put the most contested claims first: the claim whose smaller side has more sources comes first (three against
        three before five against one), then the claim with more sources in all, then alphabetical order of its address.
      </p>
      <h2>How a source puts it</h2>
      <p>Each stance also records how the source presents what it says:</p>
      <ul>
        {Object.entries(MODE_LABEL).map(([mode, label]) => (
          <li key={mode}>{label}</li>
        ))}
      </ul>
    </article>
  );
}
