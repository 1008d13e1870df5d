// Bundles the app into dist/ with esbuild: one entry, shells split into lazily loaded chunks,
// React's production build, and no react-devtools (pitfalls.md: start-up and memory).
import { build } from 'esbuild';
import { rmSync, chmodSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { 'hotel-crm': 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.js' },
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
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
  ],
  banner: {
    js: "#!/usr/bin/env node\nimport{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync('dist/hotel-crm.js', 0o755);
