import type { BuildOptions } from 'esbuild';
export function bundleOptions(entryPoints: Record<string, string>, outdir: string): BuildOptions;
