// A row whose customer is refused (no such customer) is checked for its other problems with a
// stored customer standing in, then, if anything is found, as it is: the problems said are the
// ones the row itself has, never one of the stand-in's (its contacts, its orders).
import { describe, expect, it } from 'vitest';
import { freshRepo } from '../helpers/workspace.js';
import { importTable, type TableRow } from '../../src/services/import.js';

const table = (lines: string[][]): TableRow[] => lines.map((cells, i) => ({ line: i + 1, cells }));

describe('the problems of a row naming no stored customer', () => {
  it('are its own: none from the customer that stands in for the check', () => {
    const { repo } = freshRepo();
    const a = repo.create('customers', { name: '甲公司' }, { id: 'C0001' });
    const b = repo.create('customers', { name: '乙公司' }, { id: 'C0002' });
    if (!a.ok || !b.ok) throw new Error('setup');
    // the first stored customer is C0001; P0001 is C0002's contact
    const pb = repo.create('contacts', { name: '李经理', customerId: 'C0002' });
    if (!pb.ok) throw new Error('setup');
    const before = repo.all('anniversaries').length;
    const report = importTable(repo, 'anniversaries', table([
      ['客户编号', '联系人', '类型', '日期', '提前提醒天数'],
      // only the customer is wrong
      ['C9999', '', 'birthday', '1980-01-01', '7'],
      // the contact is another customer's: with C0001 standing in it would be refused, but the
      // row's customer is unknown, so only that is said
      ['C9999', pb.value.id, 'birthday', '1980-01-02', '7'],
      // a kind and a day count that are wrong beside the customer: all three said
      ['C9999', '', 'wedding-ish', '1980-01-03', '999'],
      // a date missing: required, said beside the customer
      ['C9999', '', 'birthday', '', '7'],
      // a row that is right: nothing said
      ['C0001', '', 'birthday', '1980-01-05', '7'],
    ]), { dryRun: true });
    expect(report.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, 'customerId', 'unknownRef'],
      [3, 'customerId', 'unknownRef'],
      [4, 'kind', 'notInList'], [4, 'customerId', 'unknownRef'], [4, 'remindDays', 'max'],
      [5, 'customerId', 'unknownRef'], [5, 'date', 'required'],
    ]);
    expect(repo.all('anniversaries')).toHaveLength(before);
  });
});
