"use client";
import Link from "next/link";
import { ROLE_LABEL, type Role } from "@/lib/roles";
import { UNREAD_CAP } from "@/lib/activity/unread-cap";
import type { AccountLine as Line } from "@/lib/users/for-you";
import { useForYou } from "./store";

/**
 * The header's name and activity link. Given the line when the page was rendered for its user;
 * on a page kept for a role, fetched (decision 0021), with the role shown meanwhile.
 */
export function AccountLine({ role, given }: { role: Role; given: Line | null }) {
  const fetched = useForYou(given === null);
  const line = given ?? fetched?.account ?? null;
  const unread = line?.unread ?? 0;
  const count = unread > UNREAD_CAP ? `${UNREAD_CAP}+` : String(unread);
  return (
    <>
      <span className="signed-in">
        {line ? `${line.name} ` : null}
        <span className="muted">({ROLE_LABEL[line?.role ?? role]})</span>
      </span>{" "}
      <Link href="/activity" aria-label={unread > 0 ? `Activity, ${unread > UNREAD_CAP ? `more than ${UNREAD_CAP}` : unread} unread` : "Activity"}>
        Activity{unread > 0 ? <span className="unread-count">{count}</span> : null}
      </Link>
    </>
  );
}
