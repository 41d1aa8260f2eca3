// Bundles the extension (dist/extension.js) or the unit tests (out-test/*.test.js) with esbuild.
import * as esbuild from "esbuild";
import { readdirSync } from "node:fs";

const args = new Set(process.argv.slice(2));
const production = args.has("--production");

const options = args.has("--tests")
  ? {
      entryPoints: readdirSync("test")
        .filter((f) => f.endsWith(".test.ts"))
        .map((f) => `test/${f}`),
      outdir: "out-test",
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      sourcemap: "inline",
    }
  : {
      entryPoints: ["src/extension.ts"],
      outfile: "dist/extension.js",
      bundle: true,
      external: ["vscode"],
      platform: "node",
      format: "cjs",
      target: "node20",
      minify: production,
      sourcemap: !production,
    };

if (args.has("--watch")) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}
