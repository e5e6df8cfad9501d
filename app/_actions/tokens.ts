"use server";
import { db } from "@/lib/db";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { changed, runAction } from "./run";

export async function createApiTokenAction(input: unknown) {
  return runAction(async (user) => changed(await createApiToken(db, user, input)));
}

export async function revokeApiTokenAction(input: unknown) {
  return runAction(async (user) => changed(await revokeApiToken(db, user, input)));
}
