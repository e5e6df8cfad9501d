import { getAuth } from "@/lib/auth/session";

// better-auth's own endpoints (sign-in, sign-up, session, sign-out) for clients that call them over HTTP.
export const GET = (request: Request) => getAuth().handler(request);
export const POST = (request: Request) => getAuth().handler(request);
