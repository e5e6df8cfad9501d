"use server";
// Server actions for watching and the activity page: thin doors into lib/activity/ and
// lib/users/handles.ts, which authorize (signed in), validate and write.
import { db } from "@/lib/db";
import { setWatch } from "@/lib/activity/watch";
import { markActivitySeen } from "@/lib/activity/list-activity";
import { setHandle } from "@/lib/users/handles";
import { changed, runAction } from "./run";

export async function setWatchAction(input: unknown) {
  return runAction(async (user) => changed(await setWatch(db, user, input)));
}

export async function markActivitySeenAction(input: unknown) {
  return runAction(async (user) => changed(await markActivitySeen(db, user, input)));
}

export async function setHandleAction(input: unknown) {
  return runAction(async (user) => changed(await setHandle(db, user, input)));
}
