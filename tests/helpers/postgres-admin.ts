export const BASE_DATABASE = "corroborate_test_base";

export type TestDatabase = { kind: "sqlite"; basePath: string; dir: string } | { kind: "postgresql"; serverUrl: string };

/** The same server URL pointing at another database. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
