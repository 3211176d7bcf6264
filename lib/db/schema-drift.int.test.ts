import { expect, test } from "vitest";
import { diffMigrationsToSchema, isEmptyDiff } from "@/lib/db/schema-diff";

test("prisma/migrations produce exactly prisma/schema.prisma", async () => {
  const sql = await diffMigrationsToSchema();
  expect(
    isEmptyDiff(sql),
    `schema.prisma has changes no migration contains; run \`npm run db:migration:new -- <name>\`:\n${sql}`,
  ).toBe(true);
});
