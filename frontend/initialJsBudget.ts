// Prints the size of the JavaScript each first page load needs, as it is sent (brotli, as the
// server sends the precompressed .br files to browsers that accept it; gzip for the others, shown
// beside it), and fails the build when one exceeds the budget. The entry (main.tsx) picks the staff app or the public booking page by
// the path and imports that chunk dynamically, so a route = the entry and the chunks it imports
// statically, plus one of the entry's own dynamic imports with its static imports (pages the
// staff app lazy-loads later are not counted). Entries named in `except` (GraphiQL, a developer's
// tool on a page of its own) are printed, not budgeted.
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";
import { brotli } from "./precompress.ts";

export function initialJsBudget(budgetKb: number, { except = [] as string[] } = {}): Plugin {
  return {
    name: "clientele-initial-js-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle)
          .filter((output) => output.type === "chunk")
          .map((chunk) => [chunk.fileName, chunk]),
      );
      const closure = (start: string, into = new Set<string>()) => {
        const visit = (fileName: string) => {
          const chunk = chunks.get(fileName);
          if (!chunk || into.has(fileName)) return;
          into.add(fileName);
          chunk.imports.forEach(visit);
        };
        visit(start);
        return into;
      };
      const kb = (files: Set<string>, compress: (data: Buffer) => Buffer) =>
        [...files].reduce((sum, name) => sum + compress(Buffer.from(chunks.get(name)!.code)).length, 0) / 1000;
      const routes: { name: string; files: Set<string>; budgeted: boolean }[] = [];
      for (const entry of chunks.values()) {
        if (!entry.isEntry) continue;
        const base = closure(entry.fileName);
        const budgeted = !except.includes(entry.name);
        const prefix = budgeted ? "" : `${entry.name}: `;
        if (entry.dynamicImports.length === 0) routes.push({ name: entry.name, files: base, budgeted });
        for (const target of entry.dynamicImports) {
          const chunk = chunks.get(target);
          routes.push({ name: prefix + (chunk?.name ?? target), files: closure(target, new Set(base)), budgeted });
        }
      }
      let failed = false;
      for (const route of routes) {
        const size = kb(route.files, brotli);
        if (!route.budgeted) {
          this.info(`page JavaScript (${route.name}): ${size.toFixed(1)} kB as sent (brotli), not budgeted`);
          continue;
        }
        const gzipped = kb(route.files, (data) => gzipSync(data, { level: 9 }));
        const line = `initial route JavaScript (${route.name}): ${size.toFixed(1)} kB as sent (brotli; gzip ${gzipped.toFixed(1)} kB) (${route.files.size} chunk${route.files.size === 1 ? "" : "s"}; budget ${budgetKb} kB)`;
        if (size > budgetKb) {
          failed = true;
          this.warn(line);
        } else this.info(line);
      }
      if (failed) this.error(`an initial route is over the ${budgetKb} kB budget`);
    },
  };
}
