import type { Metadata } from "next";
import { db } from "@/lib/db";
import { pageViewer } from "@/lib/auth/viewer";
import { hasRole } from "@/lib/roles";
import { RELIABILITY_LABEL } from "@/lib/analysis/grading";
import { plural } from "@/lib/format";
import { OUTLET_KIND_LABEL } from "@/lib/labels";
import { GradeForm } from "../_components/forms/review-forms";
import { listOutletsWithGrades } from "@/lib/outlets/list-outlets";
import { keepUntilChanged } from "@/lib/cache/cached-view";
import { pageTags } from "@/lib/cache/page-tags";

export const metadata: Metadata = { title: "Outlets and their grading" };

export default async function OutletsPage() {
  return <Outlets canGrade={hasRole(await pageViewer(), "ANALYST")} />;
}

/** Cached until an outlet or a source changes (its counts); analysts get the grading forms. */
async function Outlets({ canGrade }: { canGrade: boolean }) {
  "use cache";
  keepUntilChanged(...pageTags.outletList);
  const outlets = await listOutletsWithGrades(db);
  return (
    <>
      <h1>Outlets and their grading</h1>
      <p>
        Each outlet&apos;s reliability on the Admiralty scale, A (completely reliable) to E (unreliable), or F when it cannot be judged. A source can be graded
        apart from its outlet. <a href="/about/statuses#weights">How grades weigh</a>.
      </p>
      <table className="outlets">
        <thead>
          <tr>
            <th scope="col">Outlet</th>
            <th scope="col">Kind</th>
            <th scope="col">Sources</th>
            <th scope="col">Reliability</th>
            {canGrade ? <th scope="col">Grade it</th> : null}
          </tr>
        </thead>
        <tbody>
          {outlets.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                {o.name}
                {o.country ? <span className="muted"> ({o.country})</span> : null}
              </th>
              <td>{OUTLET_KIND_LABEL[o.kind] ?? o.kind}</td>
              <td>{plural(o._count.sources, "source")}</td>
              <td>
                {o.reliability ? (
                  <>
                    <strong>{o.reliability}</strong> — {RELIABILITY_LABEL[o.reliability]}
                  </>
                ) : (
                  "Not graded"
                )}
                {o.reliabilityReason ? <p className="muted">{o.reliabilityReason}</p> : null}
              </td>
              {canGrade ? (
                <td>
                  <GradeForm kind="outlet" id={o.id} version={o.version} reliability={o.reliability} reason={o.reliabilityReason} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
