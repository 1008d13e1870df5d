// Writes data/demo-workspace.json: the demo hotel shipped with the package.
import fs from 'node:fs';
import { generateWorkspace } from './demo-generator.js';

const ws = generateWorkspace({ customers: 200, related: true });
fs.writeFileSync(new URL('../data/demo-workspace.json', import.meta.url), JSON.stringify(ws));
console.log(`demo: ${ws.customers.length} customers, ${ws.contacts.length} contacts, ${ws.anniversaries.length} anniversaries`);
