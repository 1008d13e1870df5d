// JSON.stringify of a workspace, in pieces: a million-record workspace written as one string
// needs that string (and its UTF-8 copy) in memory at once, hundreds of MB beside the records.
// The pieces join to exactly what JSON.stringify(value) returns.

const PER_PIECE = 1000;

export function* jsonPieces(value: Record<string, unknown>): Generator<string> {
  yield '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const v = value[key];
    // JSON.stringify leaves out properties it cannot represent
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    const head = `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(v) || v.length <= PER_PIECE) {
      yield head + JSON.stringify(v);
      continue;
    }
    yield `${head}[`;
    for (let i = 0; i < v.length; i += PER_PIECE) {
      const part = v.slice(i, i + PER_PIECE).map((x) => JSON.stringify(x) ?? 'null');
      yield (i ? ',' : '') + part.join(',');
    }
    yield ']';
  }
  yield '}';
}
