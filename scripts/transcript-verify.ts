/**
 * `npm run transcript:verify -- transcript.json`: recomputes every message's SHA-256 from its text
 * and the transcript's own SHA-256, and says whether the file is as exported. Offline: no database.
 */
import { readFileSync } from "node:fs";
import { verifyTranscript } from "@/lib/requests/transcript";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run transcript:verify -- <transcript.json>");
  process.exit(2);
}
let parsed: unknown;
try {
  parsed = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.error(`cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}
const check = verifyTranscript(parsed);
if (check.ok) {
  console.log(`OK: ${check.messages} messages, transcript sha256 ${check.sha256}`);
} else {
  for (const problem of check.problems) console.error(`BROKEN: ${problem}`);
  process.exit(1);
}
