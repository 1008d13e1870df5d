// Trees of records by a parent field (categories, departments): a record may not be its own
// ancestor, and a list shows each record under its parent, indented.
type Node = Record<string, unknown> & { id: string };

/** Whether making `parentId` the parent of `id` would close a loop (itself, or one below it). */
export function wouldLoop(id: string, parentId: unknown, get: (id: string) => Node | undefined): boolean {
  let cur = typeof parentId === 'string' ? parentId : undefined;
  const seen = new Set<string>();
  while (cur && !seen.has(cur)) {
    if (cur === id) return true;
    seen.add(cur);
    const p = get(cur)?.parentId;
    cur = typeof p === 'string' ? p : undefined;
  }
  return false;
}

/** Records in tree order (each parent followed by its children, siblings in the given order)
 *  with their depth. A record whose parent is missing or unseen is a root; loops end. */
export function treeOrder<R extends Node>(recs: readonly R[]): { rec: R; depth: number }[] {
  const ids = new Set(recs.map((r) => r.id));
  const children = new Map<string, R[]>();
  const roots: R[] = [];
  for (const r of recs) {
    const p = typeof r.parentId === 'string' && ids.has(r.parentId) && r.parentId !== r.id ? r.parentId : undefined;
    if (p) children.set(p, [...(children.get(p) ?? []), r]);
    else roots.push(r);
  }
  const out: { rec: R; depth: number }[] = [];
  const placed = new Set<string>();
  const walk = (r: R, depth: number) => {
    if (placed.has(r.id)) return;
    placed.add(r.id);
    out.push({ rec: r, depth });
    for (const c of children.get(r.id) ?? []) walk(c, depth + 1);
  };
  for (const r of roots) walk(r, 0);
  // records caught in a loop (from a hostile file) still show, as roots
  for (const r of recs) walk(r, 0);
  return out;
}
