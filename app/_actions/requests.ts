"use server";
// Server actions for reader requests: thin doors into lib/requests/, which limits (per address,
// per account), validates and writes; deciding is for analysts and admins.
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { clientAddress } from "@/lib/auth/client-key";
import { askToCheck, decideRequest } from "@/lib/requests/check-requests";
import { changed, runAction } from "./run";

export async function askToCheckAction(input: unknown) {
  const address = clientAddress(await headers());
  return runAction(async (user) => changed(await askToCheck(db, { user, address }, input)));
}

export async function decideRequestAction(input: unknown) {
  return runAction(async (user) => changed(await decideRequest(db, user, input)));
}
