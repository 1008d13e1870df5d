import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../src/storage/json-pieces.js';
import { loadDemoWorkspace } from '../../src/demo.js';

describe('jsonPieces', () => {
  it('joins to exactly JSON.stringify, for the demo hotel and for lists longer than one piece', () => {
    const ws = loadDemoWorkspace() as unknown as Record<string, unknown>;
    expect([...jsonPieces(ws)].join('')).toBe(JSON.stringify(ws));
    const big = { a: undefined, list: Array.from({ length: 2345 }, (_, i) => ({ i, name: `客户${i}`, x: undefined })), empty: [], n: 1 };
    const pieces = [...jsonPieces(big)];
    expect(pieces.length).toBeGreaterThan(4);
    expect(pieces.join('')).toBe(JSON.stringify(big));
  });
});
