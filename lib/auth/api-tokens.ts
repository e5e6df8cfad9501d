import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../database/create-client";
import { AppError, notFound } from "../errors";
import { parseInput } from "../schemas/parse-input";
import { TextSchema } from "../schemas/common";
import { Id } from "../schemas/writes";
import { authorize, ROLES, type CurrentUser, type Role } from "../roles";
import { recordAudit } from "../audit/record-audit";
import { isUniqueViolation } from "../database/unique-violation";

// API tokens: "cor_" and 32 random bytes (base64url). The database keeps only their sha256,
// so a leaked database leaks no usable token; the token is shown once, when made. A token
// acts as its owner with the owner's current role, so demoting an account demotes its tokens.

const PREFIX = "cor_";
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export const ApiTokenCreateSchema = z.strictObject({ name: TextSchema(100) });
export const ApiTokenRevokeSchema = z.strictObject({ id: Id });

/** Makes a token for the signed-in user; the only time the token itself is returned. */
export async function createApiToken(db: Db, user: CurrentUser | null, input: unknown) {
  const owner = authorize(user, "READER", "make API tokens");
  const { name } = parseInput(ApiTokenCreateSchema, input);
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.$transaction(async (tx) => {
    const made = await tx.apiToken.create({
      data: { userId: owner.id, name, tokenHash: hash(token), prefix: token.slice(0, PREFIX.length + 6) },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    await recordAudit(tx, { kind: "TOKEN_CREATED", userId: owner.id, detail: `token "${name}" (${made.prefix}…)` });
    return made;
  });
  return { ...row, token };
}

/** Revokes one of the user's own tokens; it is refused from then on. */
export async function revokeApiToken(db: Db, user: CurrentUser | null, input: unknown) {
  const owner = authorize(user, "READER", "revoke API tokens");
  const { id } = parseInput(ApiTokenRevokeSchema, input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, userId: owner.id, revokedAt: null }, data: { revokedAt: new Date() } });
    const token = await tx.apiToken.findFirst({ where: { id, userId: owner.id }, select: { name: true, prefix: true } });
    if (!token) throw notFound("The token");
    if (count === 0) throw new AppError("CONFLICT", "This token is already revoked.");
    await recordAudit(tx, { kind: "TOKEN_REVOKED", userId: owner.id, detail: `token "${token.name}" (${token.prefix}…)` });
    return { id };
  });
}

export function listApiTokens(db: Db, userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/**
 * The user a request's `Authorization: Bearer <token>` acts as. No header: null (the caller
 * decides whether that is allowed). A header with an unknown, malformed or revoked token:
 * UNAUTHENTICATED, never a silent fall back to anonymous.
 */
export async function userForBearer(db: Db, authorization: string | null, address = "unknown"): Promise<(CurrentUser & { tokenId: string }) | null> {
  if (authorization === null) return null;
  const token = authorization.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token || !token.startsWith(PREFIX))
    throw new AppError("UNAUTHENTICATED", 'The Authorization header must be "Bearer cor_…", a token made on the settings page.');
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hash(token) },
    select: { id: true, name: true, prefix: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, name: true, email: true, role: true } } },
  });
  if (!row) throw new AppError("UNAUTHENTICATED", "This API token is not known.");
  if (row.revokedAt) throw new AppError("UNAUTHENTICATED", "This API token was revoked.");
  // "Last used" to the minute: a busy script does not write a row on every call.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  await noteAddress(db, row, address);
  const role = (ROLES as readonly string[]).includes(row.user.role) ? (row.user.role as Role) : "READER";
  return { ...row.user, role, tokenId: row.id };
}

/** (token, address) pairs this process has already seen, so a busy script costs no query per call. */
const seenAddresses = new Set<string>();

/** The first use of a token from an address is an audit event: a leaked token shows up there. */
async function noteAddress(db: Db, token: { id: string; name: string; prefix: string; user: { id: string } }, address: string) {
  const pair = `${token.id}|${address}`;
  if (seenAddresses.has(pair)) return;
  const known = await db.apiTokenAddress.findUnique({ where: { tokenId_address: { tokenId: token.id, address } }, select: { tokenId: true } });
  if (!known) {
    const isFirst = (await db.apiTokenAddress.count({ where: { tokenId: token.id } })) === 0;
    await db
      .$transaction(async (tx) => {
        await tx.apiTokenAddress.createMany({ data: [{ tokenId: token.id, address }] });
        await recordAudit(tx, {
          kind: "TOKEN_NEW_ADDRESS",
          userId: token.user.id,
          address,
          detail: `token "${token.name}" (${token.prefix}…)${isFirst ? ", its first use" : ""}`,
        });
      })
      .catch((error: unknown) => {
        // Two first requests at once: the other one recorded it.
        if (!isUniqueViolation(error)) throw error;
      });
  }
  if (seenAddresses.size > 10_000) seenAddresses.clear();
  seenAddresses.add(pair);
}
