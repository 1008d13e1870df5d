// Which records name a person. A person's name starts with a surname, read otherwise than
// the same character in a word (曾 zeng, not ceng): search and sorting by pinyin ask here.
import type { EntityName } from './entities.js';

/** The name of this record is a person's: a guest (an individual customer), a contact, an
 *  employee. A company's or an agency's name is not (曾经科技 reads ceng). */
export function isPersonName(entity: EntityName, rec: Readonly<Record<string, unknown>>): boolean {
  if (entity === 'contacts' || entity === 'employees') return true;
  return entity === 'customers' && rec.kind === 'individual';
}
