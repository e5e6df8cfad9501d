import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markActivitySeen } from "../lib/activity/list-activity";
import { setWatch } from "../lib/activity/watch";
import { AppError } from "../lib/errors";
import { askToCheck, decideRequest } from "../lib/requests/check-requests";
import { assessClaim, revealAssessments } from "../lib/review/assessments";
import type { CurrentUser, Role } from "../lib/roles";
import { setHandle } from "../lib/users/handles";
import { seededDatabase, type TestDb } from "./helpers/test-db";

// Issue 14's writes, for every role: who may, and what the others are told. The forms' server
// actions and the API call these same functions with the signed-in user or the token's owner.
let t: TestDb;
const ROLES: Role[] = ["READER", "RESEARCHER", "ANALYST", "ADMIN"];
const users = Object.fromEntries(
  ROLES.map((role) => [role, { id: `u-roles-${role.toLowerCase()}`, name: `${role} Person`, email: `${role.toLowerCase()}@roles.test`, role }]),
) as Record<Role, CurrentUser>;
let claimId = "";

beforeAll(async () => {
  t = await seededDatabase(Object.values(users));
  claimId = (await t.db.claim.findFirstOrThrow({ select: { id: true } })).id;
});
afterAll(async () => {
  await t.drop();
});

/** What a write did for one account: "ok", or the refusal's code. */
async function outcome(write: Promise<unknown>): Promise<string> {
  try {
    await write;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

let n = 0;
/** An open request of its own, for one decision. */
async function openRequest() {
  const asked = await askToCheck(
    t.db,
    { user: null, address: `192.0.2.${++n}` },
    { text: `Unmatched request number ${"x".repeat(n)} zq${n}`, why: "For a role test." },
  );
  return (await t.db.checkRequest.findUniqueOrThrow({ where: { id: asked.id }, select: { id: true, version: true } }))!;
}

const WRITES: { name: string; minimum: Role | "VISITOR"; run: (user: CurrentUser | null) => Promise<unknown> }[] = [
  {
    name: "give one's own assessment",
    minimum: "ANALYST",
    run: (u) => assessClaim(t.db, u, { claimId, rating: "MIXED", confidence: "LOW", rationale: "Role test." }),
  },
  { name: "see the others' assessments", minimum: "ANALYST", run: (u) => revealAssessments(t.db, u, { claimId }) },
  {
    name: "decline a request",
    minimum: "ANALYST",
    run: async (u) => {
      const request = await openRequest();
      return decideRequest(t.db, u, { id: request.id, version: request.version, decision: "DECLINE", reason: "Role test." });
    },
  },
  { name: "watch a claim", minimum: "READER", run: (u) => setWatch(t.db, u, { claimId, watch: true }) },
  { name: "mark activity read", minimum: "READER", run: (u) => markActivitySeen(t.db, u, { until: new Date().toISOString() }) },
  { name: "choose a handle", minimum: "READER", run: (u) => setHandle(t.db, u, { handle: `handle-${u?.role.toLowerCase() ?? "none"}` }) },
  {
    name: "ask for a check",
    minimum: "VISITOR",
    run: (u) => askToCheck(t.db, { user: u, address: `198.18.0.${++n}` }, { text: `A role test request zz${n}`, why: "Role test." }),
  },
];

describe.each(WRITES)("$name", ({ minimum, run }) => {
  it("is done for the roles allowed and refused for the others", async () => {
    const rank = (role: Role | "VISITOR") => ["VISITOR", ...ROLES].indexOf(role);
    const got: Record<string, string> = { VISITOR: await outcome(run(null)) };
    for (const role of ROLES) got[role] = await outcome(run(users[role]));
    const expected = Object.fromEntries(
      ["VISITOR", ...ROLES].map((role) => [role, rank(role as Role) >= rank(minimum) ? "ok" : role === "VISITOR" ? "UNAUTHENTICATED" : "FORBIDDEN"]),
    );
    expect(got).toEqual(expected);
  });
});
