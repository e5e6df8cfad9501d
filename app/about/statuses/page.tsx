import type { Metadata } from "next";
import { STATUS_RULES } from "@/lib/analysis/conflict";
import { CREDIBILITY_SCALE, RELIABILITY_SCALE } from "@/lib/analysis/grading";
import { DATE_RULES, INTERVAL_RULES } from "@/lib/analysis/intervals";
import { MODE_LABEL, VERDICT_LABEL } from "@/lib/labels";
import { StatusBadge } from "../../_components/status-badge";
import { AgreementBar } from "../../_components/agreement-bar";

export const metadata: Metadata = { title: "About the statuses" };

export default function AboutStatusesPage() {
  return (
    <article className="prose">
      <h1>About the statuses</h1>
      <p>
        A claim&apos;s status is computed from its stances — the quoted passages that link it to sources — by the rules below, taken in order: the first rule
        that matches gives the status. It changes whenever a stance is added, edited, retracted or restored; a retracted stance counts for nothing.
      </p>
      <dl className="status-rules">
        {STATUS_RULES.map((r) => (
          <div key={r.status}>
            <dt>
              <StatusBadge status={r.status} />
            </dt>
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
          <strong>A source can be on both sides.</strong> An article that reports an allegation and also rebuts it counts as supporting and as disputing, so the
          claim is contested.
        </li>
        <li>
          <strong>Qualifications take no side.</strong> A source that narrows a claim (&quot;over 10,000&quot; against &quot;some 10,000&quot;, &quot;if
          confirmed&quot;) is shown in the middle column and counted, but never changes the status.
        </li>
        <li id="origins">
          <strong>Corroboration counts independent origins.</strong> Several publishers repeating one named speaker (&quot;the U.S., Ukraine and South Korea
          say…&quot;) are one origin, so two articles quoting only Vladimir Putin leave a claim &quot;single source&quot;. A publisher&apos;s own reporting is
          its own origin, and so are the unnamed sources it cites (&quot;analysts say&quot;): unnamed experts in two outlets are never taken to be the same
          people. Copies of one article (a wire story carried by several outlets, a re-post, a lightly edited version: at least half of each text in the other)
          are one origin, whoever published them; an analyst can count two sources apart when they are not copies.
        </li>
      </ul>
      <h2 id="camps">Agreement across camps</h2>
      <p>
        Which outlets usually take opposite sides is learned from the stances themselves. Each outlet&apos;s side on each claim (it supports it, or disputes it)
        is fitted as an overall lean, a lean for the outlet, a lean for the claim, and the product of two places on one axis, one for the outlet and one for the
        claim; the leans are held back more than the places, so the axis is left to explain who disagrees with whom. Outlets that usually disagree end up at
        opposite ends. A claim is <strong>agreed across camps</strong> when, at each end, outlets support it and most of that end&apos;s outlets that took a
        side support it; it is <strong>supported by one side</strong> when that holds at one end only and an outlet at the other end disputes it, or several
        outlets at its end support it. When the axis explains less than a fifth of the sides taken, or either end has fewer than two outlets, no claim is
        marked. The fit runs again a few seconds after writes, never while a page is asked for.
      </p>
      <h2 id="weights">Weighted agreement</h2>
      <p>
        Analysts grade each outlet&apos;s reliability (a source can be graded apart from its outlet) and each stance&apos;s credibility, on the Admiralty
        scales. A stance weighs its source&apos;s reliability weight times its credibility weight; what is not graded counts as &quot;cannot be judged&quot;.
      </p>
      <div className="scales">
        <table>
          <caption>Source reliability</caption>
          <thead>
            <tr>
              <th scope="col">Grade</th>
              <th scope="col">Meaning</th>
              <th scope="col">Weight</th>
            </tr>
          </thead>
          <tbody>
            {RELIABILITY_SCALE.map((r) => (
              <tr key={r.grade}>
                <th scope="row">{r.grade}</th>
                <td>{r.label}</td>
                <td>{r.weight}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>Information credibility</caption>
          <thead>
            <tr>
              <th scope="col">Grade</th>
              <th scope="col">Meaning</th>
              <th scope="col">Weight</th>
            </tr>
          </thead>
          <tbody>
            {CREDIBILITY_SCALE.map((c) => (
              <tr key={c.value}>
                <th scope="row">{c.value}</th>
                <td>{c.label}</td>
                <td>{c.weight}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="formula">
        <strong>weight(side)</strong> = Σ over the side&apos;s independent origins of max over that origin&apos;s stances on the side of (reliability weight ×
        credibility weight)
        <br />
        <strong>agreement</strong> = weight(supports) ÷ (weight(supports) + weight(disputes))
        <br />
        <strong>conflict</strong> = the smaller of weight(supports) and weight(disputes)
      </p>
      <p>
        So an ungraded stance weighs 0.5 × 0.5 = 0.25; five publishers repeating one speaker weigh what that speaker&apos;s best-graded report weighs. The
        review queue puts the strongest conflict first, then the newest evidence.
      </p>
      <h2 id="verdicts">Verdicts</h2>
      <p>
        Analysts give each claim a verdict with a rationale and a confidence (low, medium, high); earlier verdicts stay on the claim page. The verdicts are:{" "}
        {Object.entries(VERDICT_LABEL)
          .filter(([v]) => v !== "UNREVIEWED")
          .map(([, label]) => label)
          .join(", ")}
        . A claim is Unreviewed until it has one.
      </p>
      <h2 id="intervals">Figures and dates</h2>
      <p>
        A claim about a number or a date shows every source&apos;s interval on one axis. The interval is read from the quoted words by the first of these rules
        to match, earliest in the words first; an analyst can set it by hand instead.
      </p>
      <table className="rules">
        <caption>Numbers</caption>
        <thead>
          <tr>
            <th scope="col">Words</th>
            <th scope="col">Read as</th>
          </tr>
        </thead>
        <tbody>
          {INTERVAL_RULES.map((r) => (
            <tr key={r.name}>
              <td>{r.example}</td>
              <td>{r.reads}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="rules">
        <caption>Dates</caption>
        <thead>
          <tr>
            <th scope="col">Words</th>
            <th scope="col">Read as</th>
          </tr>
        </thead>
        <tbody>
          {DATE_RULES.map((r) => (
            <tr key={r.name}>
              <td>{r.example}</td>
              <td>{r.reads}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Two intervals that share no value cannot both be true; touching bounds overlap. The page says where all the intervals overlap, or, when none fits all,
        where most of them do.
      </p>
      <h2>The agreement bar</h2>
      <p>Each claim shows how many sources support, qualify and dispute it, as a bar and in words:</p>
      <AgreementBar supports={2} qualifies={1} disputes={1} />
      <p>
        The parts differ in pattern as well as colour: solid for support, stripes for qualification, cross-hatching for dispute. On a claim&apos;s page the same
        counts are broken down by kind of outlet (public broadcaster, state news agency, blog…).
      </p>
      <h2>Most contested first</h2>
      <p>
        Lists put the most contested claims first: the claim whose smaller side has more sources comes first (three against three before five against one), then
        the claim with more sources in all, then alphabetical order of its address.
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
