// Fits the camps' axis again now (decision 0024) and says what it found and changed:
//   npm run camps:fit            (DATABASE_URL as for npm start)
// The server does the same in the background a few seconds after writes; this is the on-demand door.
import { refitCamps } from "../lib/camps/refit";
import { createDb } from "../lib/database/create-client";
import { env } from "../lib/env";

const db = createDb(env().DATABASE_URL);
try {
  const started = performance.now();
  const fit = await refitCamps(db);
  console.log(
    `Fitted in ${Math.round(performance.now() - started)} ms: ${fit.placed} outlets placed, the axis explains ${Math.round(fit.explained * 100)}%; ` +
      `${fit.across} claims agreed across camps, ${fit.oneSide} supported by one side; ${fit.changedClaims} claims' and ${fit.changedOutlets} outlets' marks changed.`,
  );
} finally {
  await db.$disconnect();
}
