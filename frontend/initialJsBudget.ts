// Prints the gzipped size of the JavaScript the first page load needs (the entry chunk and
// every chunk it imports statically) and fails the build when it exceeds the budget.
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

export function initialJsBudget(budgetKb: number): Plugin {
  return {
    name: "clientele-initial-js-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle)
          .filter((output) => output.type === "chunk")
          .map((chunk) => [chunk.fileName, chunk]),
      );
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = chunks.get(fileName);
        if (!chunk || initial.has(fileName)) return;
        initial.add(fileName);
        chunk.imports.forEach(visit);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
      const bytes = [...initial].reduce((sum, name) => sum + gzipSync(chunks.get(name)!.code).length, 0);
      const kb = bytes / 1000;
      const line = `initial route JavaScript: ${kb.toFixed(1)} kB gzipped (${initial.size} chunk${initial.size === 1 ? "" : "s"}; budget ${budgetKb} kB)`;
      if (kb > budgetKb) this.error(line);
      this.info(line);
    },
  };
}
