// Bundles the app into dist/: one entry, each shell in a chunk loaded when used.
import { build } from 'esbuild';
import { rmSync, chmodSync } from 'node:fs';
import { bundleOptions } from './esbuild-options.mjs';

rmSync('dist', { recursive: true, force: true });
await build(bundleOptions({ 'hotel-crm': 'src/main.ts' }, 'dist'));
chmodSync('dist/hotel-crm.js', 0o755);
