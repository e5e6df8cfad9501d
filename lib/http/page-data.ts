import { notFound } from "next/navigation";
import { AppError } from "../errors";

/** For pages: a NOT_FOUND from lib/ becomes Next's 404 page; anything else propagates. */
export async function orNotFound<T>(data: Promise<T>): Promise<T> {
  try {
    return await data;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export type PageData<T> = { data: T; problem?: undefined } | { data?: undefined; problem: string };

/**
 * For pages driven by query parameters: bad input (an INVALID error from parsing or from
 * lib/) becomes a message to show beside the form; anything else propagates.
 */
export async function orProblem<T>(load: () => Promise<T>): Promise<PageData<T>> {
  try {
    return { data: await load() };
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID") return { problem: error.message };
    throw error;
  }
}
