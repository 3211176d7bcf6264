import { assertLocalDatabase } from "@/lib/db/testing";
import { embeddedTemplate, serverTemplate } from "@/lib/db/test-templates";

/** Builds the migrated template once per run, before the files start copying it (Vitest globalSetup). */
export default async function setup(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    assertLocalDatabase(serverUrl);
    await serverTemplate(serverUrl);
  } else {
    await embeddedTemplate();
  }
}
