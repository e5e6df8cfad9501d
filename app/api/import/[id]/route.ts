import { currentUser } from "@/lib/auth/session";
import { apiUser } from "@/lib/http/api-write";
import { jsonRoute } from "@/lib/http/json-route";
import { getImportJob } from "@/lib/import/jobs";

/**
 * An import job's progress, and its report when it is done: for the token that started it, the
 * signed-in account whose import page started it, or an admin.
 */
export const GET = jsonRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const user = request.headers.get("authorization") ? await apiUser(request) : await currentUser();
  return { job: getImportJob(user, (await params).id) };
});
