import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp.js';

describe('the npm package', () => {
  it('packs into a tarball that runs with npx on a machine with no node_modules', () => {
    const dir = tmpDir();
    const root = path.resolve(__dirname, '../..');
    // --ignore-scripts: dist/ is already built by npm test, and rebuilding it here would race the other tests
    const name = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--silent'], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
    const tgz = path.join(dir, name);
    const files = execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' });
    expect(files).toContain('package/dist/hotel-crm.js');
    expect(files).toContain('package/data/demo-workspace.json');
    expect(files).not.toContain('package/src/');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({}); // the bundle carries everything: installs offline
    // a clean environment: no npm_* variables from the npm that runs the tests
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_') && k !== 'NODE_ENV' && k !== 'INIT_CWD'));
    const env = { ...base, HOME: path.join(dir, 'home'), npm_config_cache: path.join(dir, 'cache'), npm_config_update_notifier: 'false' };
    const ws = path.join(dir, 'ws.json');
    const init = spawnSync('npx', ['--yes', `./${name}`, 'init', '--demo', '--data', ws, '--lang', 'en'], { cwd: dir, env, encoding: 'utf8' });
    expect(init.stderr).toBe('');
    expect(init.stdout).toContain('200 customers');
    const list = JSON.parse(execFileSync('npx', ['--yes', `./${name}`, 'list', 'customers', '--data', ws, '--json'], { cwd: dir, env, encoding: 'utf8' }));
    expect(list).toHaveLength(200);
  }, 120_000);
});
