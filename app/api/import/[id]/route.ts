import { apiUser } from "@/lib/http/api-write";
import { jsonRoute } from "@/lib/http/json-route";
import { getImportJob } from "@/lib/import/jobs";

/** An import job's progress, and its report when it is done (the token that started it, or an admin's). */
export const GET = jsonRoute(async (request, { params }: { params: Promise<{ id: string }> }) => ({
  job: getImportJob(await apiUser(request), (await params).id),
}));
