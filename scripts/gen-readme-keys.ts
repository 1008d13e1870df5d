// Writes README.md's "## Keys" section from the key bindings (the same declarations the app's
// footer, help and palette use). Without --write it prints the section.
//   npx tsx scripts/gen-readme-keys.ts --write
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeT } from '../src/i18n/index.js';
import { keysSectionOf, readmeKeys } from '../src/tui/key-doc.js';
import { SCREENS } from '../src/tui/screens.js';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const section = readmeKeys(SCREENS, makeT('en'));
if (process.argv.includes('--write')) {
  const readme = fs.readFileSync(file, 'utf8');
  const at = keysSectionOf(readme);
  const next = at ? readme.slice(0, at.start) + section + '\n' + readme.slice(at.end) : `${readme.trimEnd()}\n\n${section}`;
  fs.writeFileSync(file, next);
  console.log(`README.md: "## Keys" ${next === readme ? 'was already up to date' : 'rewritten'}`);
} else process.stdout.write(section);
