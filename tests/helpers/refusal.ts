import { AppError } from "../../lib/errors";

/** What a refused write throws, for matching; fails the test if the write was not refused. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the write was not refused");
}
