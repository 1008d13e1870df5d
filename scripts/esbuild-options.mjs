import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { lazyStringWidth } from './lazy-string-width.mjs';

const fastWidth = fileURLToPath(new URL('../src/text/fast-width.ts', import.meta.url));
const inkOutput = fileURLToPath(new URL('../src/tui/ink-output.ts', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// The build's fingerprint for src/storage/checked-mark.ts: a snapshot found valid by one build
// is taken as checked by that build only (any change to the sources: a full check again).
const srcDir = fileURLToPath(new URL('../src/', import.meta.url));
const srcHash = createHash('sha256');
for (const f of readdirSync(srcDir, { recursive: true }).map(String).sort()) {
  if (/\.tsx?$/.test(f)) srcHash.update(`${f}\0`).update(readFileSync(srcDir + f)).update('\0');
}
const schemaFingerprint = `${version}-${srcHash.digest('hex').slice(0, 32)}`;

// The bundling recipe shared by the build and by the benchmark's Ink hello world, so both
// are measured built the same way (pitfalls.md: start-up and memory).
export function bundleOptions(entryPoints, outdir) {
  return {
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    charset: 'utf8', // Chinese strings as they are, not \u escapes: a smaller bundle to parse at start
    chunkNames: 'chunks/[name]-[hash]',
    define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"', 'process.env.HOTEL_CRM_VERSION': JSON.stringify(version), 'process.env.HOTEL_CRM_SCHEMA_FP': JSON.stringify(schemaFingerprint) },
    external: ['react-devtools-core'],
    plugins: [
      {
        // Ink imports its devtools module only when DEV=true; with ESM output esbuild would hoist it.
        name: 'no-ink-devtools',
        setup(b) {
          b.onResolve({ filter: /devtools\.js$/ }, (a) => (a.importer.includes('/ink/') ? { path: a.path, namespace: 'stub' } : undefined));
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export {}', loader: 'js' }));
        },
      },
      {
        // Ink measures each line and each character of every frame with string-width, whose
        // segmenter allocated thousands of objects per frame of Chinese names; ours answers the
        // same without it (test/text/width.test.ts) and calls string-width for the rest. Only
        // the importers that resolve to the top-level string-width 8 (wrap-ansi and cliui keep
        // their own older copies, and fast-width itself needs the real one).
        name: 'fast-string-width',
        setup(b) {
          b.onResolve({ filter: /^string-width$/ }, (a) =>
            /[\\/]node_modules[\\/](wrap-ansi|cliui)[\\/]/.test(a.importer) || a.importer === fastWidth ? undefined : { path: fastWidth },
          );
        },
      },
      {
        // Ink's frame buffer allocated ~2 MB per frame and doubled the heap under a burst of
        // keys; ours draws the same string with shared cells and lines (src/tui/ink-output.ts)
        name: 'lean-ink-output',
        setup(b) {
          b.onResolve({ filter: /^\.\/output\.js$/ }, (a) => (/[\\/]ink[\\/]build[\\/]/.test(a.importer) ? { path: inkOutput } : undefined));
        },
      },
      {
        // string-width builds a grapheme segmenter (and version 8 an RGI_Emoji regular expression)
        // when its module is evaluated: 40-130 ms on every start, CLI and app alike (yargs' cliui
        // and wrap-ansi carry their own copies), for text that fast-width.ts answers without them.
        // They are built on first use instead; the functions that use them are string-width's own, so widths are the same
        // (scripts/lazy-string-width.mjs; a string-width whose source no longer matches fails the build).
        name: 'lazy-string-width',
        setup(b) {
          b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, (a) => ({
            contents: lazyStringWidth(readFileSync(a.path, 'utf8'), a.path),
            loader: 'js',
          }));
        },
      },
      {
        // zod's namespace re-exports every locale (~150 KB, parsed at start); the app reports
        // its own messages in two languages and never reads `z.locales`
        name: 'no-zod-locales',
        setup(b) {
          b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (a) => (/\/zod\/v4\/(classic|core)\//.test(a.importer) ? { path: a.path, namespace: 'stub' } : undefined));
        },
      },
    ],
    banner: {
      js: "#!/usr/bin/env node\nimport{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
    },
    logLevel: 'warning',
  };
}
