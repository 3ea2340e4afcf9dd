// Runs every benchmark in bench/ in turn (npm run bench). Each prints its own table.
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";

const files = readdirSync(new URL(".", import.meta.url))
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
for (const file of files) {
  console.log(`\n## ${file}`);
  const result = spawnSync("npx", ["tsx", `bench/${file}`], {
    stdio: "inherit",
    env: { ...process.env, TZ: "UTC" },
  });
  if (result.status !== 0) process.exitCode = 1;
}
