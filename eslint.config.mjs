import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** The raw Prisma client may be imported only where tenancy does not apply or is enforced. */
const RAW_DB_ALLOWED = [
  "lib/db/**",
  "lib/auth/**",
  "lib/tenancy/**",
  "lib/actions/**",
  "lib/audit/**",
  "lib/legal/**",
  "lib/person/queries.ts",
  "lib/partner/queries.ts",
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
                "Feature code reaches data through the Partner-scoped client (lib/db/tenant.ts) handed to it by defineAction or a loader in lib/tenancy.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
