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
