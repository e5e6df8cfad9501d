// ESLint, configured once: Next's rules (core web vitals, React, hooks, accessibility, imports) with
// typescript-eslint's recommended rules, and nothing that Prettier decides (eslint-config-prettier).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const config = [
  ...nextVitals,
  ...nextTypescript,
  prettier,
  {
    rules: {
      // A leading underscore marks what is unused on purpose (a destructured field left out).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  { ignores: ["node_modules/", ".next/", "generated/", "data/", "test-results/", "playwright-report/", "next-env.d.ts", ".pg/"] },
];

export default config;
