// Writes a brotli (.br) and a gzip (.gz) copy next to every hashed asset worth compressing, at
// build time, at the strongest settings (the server picks the one the browser accepts and sends
// it as is: no compression per request). Node's zlib does the compressing.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|map|webmanifest)$/;
const MIN_BYTES = 1024;

export function brotli(data: Buffer): Buffer {
  return brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
}

export function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "clientele-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      const assets = join(outDir, "assets");
      for (const name of readdirSync(assets)) {
        const path = join(assets, name);
        if (!COMPRESSIBLE.test(name) || statSync(path).size < MIN_BYTES) continue;
        const data = readFileSync(path);
        writeFileSync(`${path}.br`, brotli(data));
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}
