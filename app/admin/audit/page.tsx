import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { pageUser } from "@/lib/auth/guard";
import { listAuditEvents } from "@/lib/audit/list-audit";
import { AppError } from "@/lib/errors";
import { NotAllowed } from "@/app/_components/not-allowed";
import { AUDIT_KIND_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "Security audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const { user, allowed } = await pageUser("ADMIN", "/admin/audit");
  if (!allowed) return <NotAllowed user={user} needed="ADMIN" doing="read the audit log" />;
  let log;
  try {
    log = await listAuditEvents(db, user, await searchParams);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "INVALID") throw error;
    return (
      <>
        <h1>Security audit log</h1>
        <p role="alert">
          That page of the log does not exist. <Link href="/admin/audit">Show the newest events</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Security audit log</h1>
      <p>
        Sign-ins that failed or were held back, role changes, API tokens made and revoked, tokens used from a new address and tokens over their rate limit.
        Newest first; rows are never changed or removed.
      </p>
      {log.events.length === 0 ? (
        <p>Nothing has been recorded yet.</p>
      ) : (
        <table className="users">
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">What</th>
              <th scope="col">Account or email</th>
              <th scope="col">Address</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {log.events.map((e) => (
              <tr key={e.id}>
                <td>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td>{AUDIT_KIND_LABEL[e.kind]}</td>
                <td>{e.account ?? e.email ?? ""}</td>
                <td>{e.address ?? ""}</td>
                <td>{e.detail ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.next ? (
        <p>
          <Link href={`/admin/audit?before=${encodeURIComponent(log.next)}`}>Older events</Link>
        </p>
      ) : null}
    </>
  );
}
