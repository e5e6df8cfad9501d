import { showChangedValue } from "@/lib/format";
import type { ActionFailure } from "@/lib/http/action-result";

/**
 * A refused write, above the form: the message, a link to a source that is already stored,
 * or for a stale edit the changes someone else saved meanwhile, field by field.
 */
export function ActionProblem({ result }: { result: ActionFailure | null }) {
  if (!result) return null;
  return (
    <div className="form-error" role="alert">
      <p>{result.message}</p>
      {result.duplicate ? (
        <p>
          <a href={`/sources/${result.duplicate.id}`}>Open “{result.duplicate.title}”</a>
        </p>
      ) : null}
      {result.conflict && result.conflict.length > 0 ? (
        <ul className="conflict-changes">
          {result.conflict.map((revision) => (
            <li key={revision.id}>
              {revision.user?.name ?? "Someone"} ({revision.action.toLowerCase()}, {new Date(revision.createdAt).toLocaleString("en-GB", { timeZone: "UTC" })}{" "}
              UTC):
              <ul>
                {Object.entries(revision.changes).map(([field, [before, after]]) => (
                  <li key={field}>
                    {field}: “{showChangedValue(before)}” → “{showChangedValue(after)}”
                  </li>
                ))}
              </ul>
              {revision.reason ? <p className="muted">Reason: {revision.reason}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
