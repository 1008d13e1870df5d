// The PostgreSQL backend of the storage port: a shared hotel named by a postgres:// URL
// (--data or HOTEL_CRM_DATA). main.ts loads this module only for such a URL, and this module
// loads node-postgres only when it connects: a JSON user never pays for either.
import type { StorageBackend } from '../../services/ports.js';
import { writeFileDurably } from '../durable-file.js';
import { loadDemoWorkspace } from '../../demo.js';
import { openPgStore, createPgHotel, failed } from './store.js';
import { displayUrl } from './url.js';
import { connect, inTransaction } from './connect.js';
import { allowLogin } from './rights.js';
import { readRaw } from './tables.js';
import { readPgHistory } from './history.js';

export const pgBackend: StorageBackend = {
  resolvePath: (flag, env = process.env) => flag ?? env.HOTEL_CRM_DATA ?? '',
  open: (url, opts) => openPgStore(url, opts),
  // whether a hotel is there takes a round trip: create() refuses one that exists instead
  exists: () => false,
  create: (url, ws, now, opts = {}) => createPgHotel(url, ws, now, !!opts.replace),
  writeFile(file, bytes, mode = 0o600) {
    writeFileDurably(file, bytes, mode);
  },
  loadDemo: loadDemoWorkspace,
  inspect: (url) => ({
    dir: '',
    lockFile: '',
    journalFile: '',
    temps: [],
    error: { code: 'ESHARED', message: `${displayUrl(url)}: a shared hotel (PostgreSQL)` },
  }),
  async inspectShared(url) {
    const display = displayUrl(url);
    const base = { dir: '', lockFile: '', journalFile: '', temps: [] };
    let db;
    try {
      db = await connect(url);
      const { raw } = await readRaw(db, url, display);
      return { ...base, text: JSON.stringify(raw) };
    } catch (e) {
      return { ...base, error: { code: 'ESHARED', message: '', cause: failed(url, e) } };
    } finally {
      await db?.end().catch(() => {});
    }
  },
  repair: async () => [],
  async allowLogin(url, login) {
    let db;
    try {
      db = await connect(url);
      return { created: await inTransaction(db, () => allowLogin(db!, login), 1) };
    } catch (e) {
      throw failed(url, e);
    } finally {
      await db?.end().catch(() => {});
    }
  },
  readHistory: (url) => readPgHistory(url),
};
