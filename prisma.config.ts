import { defineConfig } from "prisma/config";

// Used only by `prisma generate` (the client is generated offline, see scripts/prisma-generate.mjs).
// Migrations are applied by lib/db/migrate.ts (Prisma's format, through the pg driver).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
