// Apart from lib/activity/list-activity.ts, which runs on the server only: the header's account
// line (a client island, decision 0021) shows the count too.

/** The unread count in the header stops counting here ("99+"): counting further costs without telling more. */
export const UNREAD_CAP = 99;
