// `npx tsx scripts/lib/cpuprofile-summary.ts <file.cpuprofile> [top] [filter] [lastSeconds]`: where a
// V8 CPU profile (node --cpu-prof) spent its time, by module (npm package or file) and by function,
// self and total. lastSeconds keeps only the end of the profile (the load, not the server's start).
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, top = "30", filter = "", lastSeconds = "0"] = process.argv.slice(2);
if (!file) throw new Error("usage: cpuprofile-summary <file.cpuprofile> [top] [filter] [lastSeconds]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** An npm package (next by its bundle file), a chunk of the build, or a file of Node. */
function moduleOf(url: string): string {
  if (!url) return "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] === "next" ? `next/${url.split("/").at(-1)}` : pkg[1]!;
  const chunk = /\.next\/server\/(.*)/.exec(url);
  return chunk
    ? `.next/${chunk[1]!.replace(/^chunks\/(ssr\/)?/, "")}`
    : url.replace(/^file:\/\/.*?\/(?=app|lib|components|scripts)/, "");
}
const functionOf = (n: ProfileNode) =>
  `${n.callFrame.functionName || "(anonymous)"} ${moduleOf(n.callFrame.url)}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;

const from = Number(lastSeconds) > 0 ? profile.endTime - Number(lastSeconds) * 1e6 : -Infinity;
const self = new Map<number, number>();
for (let i = 0, at = profile.startTime; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= from) self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0));
}

const tables = {
  moduleSelf: new Map<string, number>(),
  moduleTotal: new Map<string, number>(),
  functionSelf: new Map<string, number>(),
  functionTotal: new Map<string, number>(),
};
const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
let total = 0;
let idle = 0;
for (const [id, us] of self) {
  const node = nodes.get(id)!;
  total += us;
  if (node.callFrame.functionName === "(idle)") {
    idle += us;
    continue;
  }
  add(tables.functionSelf, functionOf(node), us);
  add(tables.moduleSelf, moduleOf(node.callFrame.url), us);
  // A function or module counts once per sample however often it recurs on the stack.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const n = nodes.get(at)!;
    for (const [key, map] of [
      [`f ${functionOf(n)}`, tables.functionTotal],
      [`m ${moduleOf(n.callFrame.url)}`, tables.moduleTotal],
    ] as const) {
      if (seen.has(key)) continue;
      seen.add(key);
      add(map, key.slice(2), us);
    }
  }
}

const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
console.log(`total ${ms(total)} ms, idle ${ms(idle)} ms, busy ${ms(total - idle)} ms`);
for (const [title, map] of Object.entries(tables)) {
  console.log(`\n== ${title}`);
  [...map]
    .filter(([key]) => key.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(top))
    .forEach(([key, us]) => console.log(ms(us), `${((100 * us) / total).toFixed(1).padStart(5)}%`, key));
}
