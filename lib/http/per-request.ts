import { connection } from "next/server";

/**
 * Marks a route handler's answer as made per request: with Cache Components the build runs a GET
 * handler that reads nothing of its request and keeps its answer, which for one reading the
 * database would be that of the build's database. Called outside Next.js's request handling (the
 * integration tests call handlers directly) there is no request to mark, and nothing to do.
 */
export async function perRequest(): Promise<void> {
  let marked: Promise<void>;
  try {
    marked = connection();
  } catch {
    return;
  }
  await marked;
}
