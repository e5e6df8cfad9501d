import { showChangedValue } from "@/lib/format";
import type { HistoryEntry } from "@/lib/revisions/history";

const ACTION_LABEL: Record<string, string> = {
  CREATE: "Added",
  UPDATE: "Edited",
  RETRACT: "Retracted",
  RESTORE: "Restored",
  MERGE: "Merged",
  UNMERGE: "Merge undone",
};

/** Revisions newest first: who, when, what (each field before and after), why. */
export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return <p className="muted">No changes have been recorded since the seed was loaded.</p>;
  return (
    <ol className="history">
      {entries.map((entry) => (
        <li key={entry.id}>
          <p>
            <strong>{ACTION_LABEL[entry.action] ?? entry.action}</strong>{" "}
            {entry.entityType === "STANCE" ? (
              entry.stance ? (
                <>
                  the stance quoting “{entry.stance.quote}” (<a href={`/claims/${entry.stance.claim.slug}`}>claim</a>,{" "}
                  <a href={`/sources/${entry.stance.source.id}`}>source</a>)
                </>
              ) : (
                "a stance"
              )
            ) : (
              `the ${entry.entityType.toLowerCase()}`
            )}{" "}
            by {entry.user?.name ?? "an account since removed"} on{" "}
            <time dateTime={entry.createdAt.toISOString()}>{entry.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC</time>
            {entry.version > 1 ? <span className="muted"> (version {entry.version})</span> : null}
          </p>
          <table className="changes">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(entry.changes).map(([field, [before, after]]) => (
                <tr key={field}>
                  <th scope="row">{field}</th>
                  <td>{showChangedValue(before)}</td>
                  <td>{showChangedValue(after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entry.reason ? <p>Why: {entry.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
