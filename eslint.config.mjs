import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * The raw Prisma client belongs to the core: the database layer, login and sessions, the change path
 * (defineAction), the read path (lib/tenancy: actor, places, loader), the audit writer and verifier,
 * platform-wide public texts, and scripts and tests. Everything else gets a scoped client from a
 * loader or an action.
 */
const RAW_DB_ALLOWED = [
  "lib/db/**",
  "lib/auth/**",
  "lib/actions/**",
  "lib/tenancy/actor.ts",
  "lib/tenancy/places.ts",
  "lib/tenancy/loader.ts",
  "lib/audit/write.ts",
  "lib/audit/personal-data.ts",
  "lib/audit/checkpoint.ts",
  "lib/audit/verify.ts",
  "lib/legal/queries.ts",
  // The e-mail unsubscribe link: a change without a session, checked by its signed token like a login code.
  "lib/notifications/unsubscribe.ts",
  // One LISTEN connection per app instance behind the live streams (not a query path).
  "lib/notifications/live.ts",
  "lib/sms/**",
  "lib/jobs/**",
  "lib/testing/**",
  "scripts/**",
  "**/*.test.ts",
  "e2e/**",
];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: RAW_DB_ALLOWED,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/lib/db/client",
              message:
                "Feature code reaches data through the scoped client handed to it by defineAction (lib/actions) or defineLoader (lib/tenancy/loader.ts).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
