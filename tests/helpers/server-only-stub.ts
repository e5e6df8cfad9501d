// Vitest runs lib/ outside React Server Components, where the real "server-only"
// package throws on import; vitest.config.ts aliases it to this empty module.
export {};
