// Pinyin of the names on a record screen, loaded with the pinyin table on first use (a filter,
// a sort by name), not at start. A person's name is read with its surname's reading (曾 zeng);
// a company's as written (domain/person.ts says which is which).
import type { EntityName } from '../../../domain/entities.js';
import { isPersonName } from '../../../domain/person.js';
import type { EntityRecord } from '../../../domain/workspace.js';
import type { Initials } from './list-model.js';

export interface NamePinyin {
  /** the filter's pinyin of a record's name ("zxm\u0001zengxiaoming") */
  initials: Initials;
  /** the name's sort key ("zeng xiao ming") */
  sortKey: (name: string, rec: EntityRecord) => string;
}

// one per entity, so that caches and indexes keyed on the function stay valid
const loaded = new Map<EntityName, NamePinyin>();

export async function loadNamePinyin(entity: EntityName): Promise<NamePinyin> {
  const m = await import('../../../text/pinyin.js');
  let np = loaded.get(entity);
  if (!np) {
    // a sort runs again on each key typed into a filter: a record's key is computed once (an
    // edited record is a new object)
    const sortKeys = new WeakMap<EntityRecord, string>();
    np = {
      initials: (name, rec) => m.pinyinKey(name, { person: isPersonName(entity, rec) }),
      sortKey: (name, rec) => {
        let k = sortKeys.get(rec);
        if (k === undefined) sortKeys.set(rec, (k = m.pinyinSortKey(name, { person: isPersonName(entity, rec) })));
        return k;
      },
    };
    loaded.set(entity, np);
  }
  return np;
}
