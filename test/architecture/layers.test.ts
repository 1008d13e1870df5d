// The layers hold: the shells reach the workspace only through services, services never reach
// into storage or a shell, and the domain is pure. Read from the import statements themselves,
// so a new file that breaks the rule fails here, with no list of exceptions.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? files(p) : /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

/** Every module a file imports (static, dynamic or type-only), as a path under src/ or a package name. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|[^\w.])(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
  return specs.map((s) => (s.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), s)).replace(/\.js$/, '') : s));
}

const layer = (rel: string) => rel.split(path.sep)[0];

/** What each layer may import from src/ (packages are checked separately below). */
const ALLOWED: Record<string, string[]> = {
  domain: ['domain'],
  text: ['text'],
  i18n: ['i18n', 'domain'],
  services: ['services', 'domain', 'text', 'i18n'],
  presentation: ['presentation', 'services', 'domain', 'text', 'i18n'],
  storage: ['storage', 'services', 'domain', 'text', 'demo'],
  cli: ['cli', 'services', 'domain', 'text', 'i18n', 'presentation'],
  tui: ['tui', 'services', 'domain', 'text', 'i18n', 'presentation'],
  demo: ['storage', 'domain'],
  main: ['cli', 'tui', 'storage', 'i18n'],
};

describe('layers', () => {
  const all = files(SRC);
  it('finds the source files', () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it('every import from src/ stays within what its layer may use (cli and tui never reach storage)', () => {
    const broken: string[] = [];
    for (const f of all) {
      const rel = path.relative(SRC, f);
      const from = layer(rel).replace(/\.tsx?$/, '');
      const may = ALLOWED[from];
      expect(may, `no rule for ${rel}`).toBeDefined();
      for (const spec of importsOf(f)) {
        if (!spec.includes('/') && !spec.startsWith('.') && !fs.existsSync(path.join(SRC, spec + '.ts'))) continue;
        if (spec.startsWith('node:') || !fs.existsSync(path.join(SRC, layer(spec))) && !fs.existsSync(path.join(SRC, layer(spec) + '.ts'))) continue;
        const to = layer(spec);
        if (!may.includes(to)) broken.push(`${rel} imports ${spec}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the domain is pure: no file system, process or terminal', () => {
    const impure = all
      .filter((f) => layer(path.relative(SRC, f)) === 'domain')
      .flatMap((f) => importsOf(f).filter((s) => /^(node:|fs$|path$|ink|react)/.test(s)).map((s) => `${path.relative(SRC, f)} imports ${s}`));
    expect(impure).toEqual([]);
  });
});
