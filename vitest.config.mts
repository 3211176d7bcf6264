import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Vitest's reporter uses Map.groupBy (Node 21+); this machine runs Node 20.
if (!(Map as { groupBy?: unknown }).groupBy) {
  (
    Map as unknown as {
      groupBy: (items: Iterable<unknown>, key: (item: unknown, index: number) => unknown) => Map<unknown, unknown[]>;
    }
  ).groupBy = (items, key) => {
    const groups = new Map<unknown, unknown[]>();
    let index = 0;
    for (const item of items) {
      const k = key(item, index++);
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [item]);
    }
    return groups;
  };
}

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", "e2e/**"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database, copied from a template migrated once per run.
          globalSetup: ["lib/testing/global-setup.ts"],
          // Keep files in separate workers.
          pool: "forks",
          silent: "passed-only",
        },
      },
    ],
  },
});
