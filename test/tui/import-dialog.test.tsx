import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { renderApp, press, KEY, keyOf } from '../helpers/render-app.js';
import { tmpDir } from '../helpers/tmp.js';
import { displayWidth } from '../../src/text/width.js';
import { IMPORT_PREVIEW_COMMANDS } from '../../src/tui/components/commands.js';

async function openImport(app: Awaited<ReturnType<typeof renderApp>>, file: string, what = 'import customers') {
  await press(app, 'app.palette');
  await app.type(what);
  await press(app, 'picker.pick');
  await app.press(KEY.ctrlU);
  await app.type(file);
  await press(app, 'import.preview');
}

describe('<App /> import from the command palette', () => {
  it('previews encoding, mapping and first rows, writes nothing until Enter, then imports', async () => {
    const file = path.join(tmpDir(), 'class.csv');
    fs.writeFileSync(file, iconv.encode('客户名称,手机,奇怪的列\r\n欧阳娜娜,13911112222,x\r\n', 'gbk'));
    const app = await renderApp({ lang: 'en' });
    await openImport(app, file);
    const f = app.frame();
    expect(f).toContain('GBK/GB18030 (detected)');
    expect(f).toContain('奇怪的列->(ignored)');
    expect(f).toContain('欧阳娜娜');
    expect(f).toContain('1 rows: 1 new');
    expect(app.ws.customers).toHaveLength(200);
    await press(app, 'import.run');
    expect(app.ws.customers).toHaveLength(201);
    expect(app.ws.customers.at(-1)).toMatchObject({ name: '欧阳娜娜', phone: '13911112222' });
    expect(app.frame()).toContain('201 of 201');
    app.unmount();
  });

  it('lists the bad rows and refuses to import them', async () => {
    const file = path.join(tmpDir(), 'bad.csv');
    fs.writeFileSync(file, '客户名称,手机\n好,13911112222\n坏,123\n');
    const app = await renderApp({ lang: 'zh-CN' });
    await openImport(app, file);
    expect(app.frame()).toContain('第 3 行，列「手机」，值「123」');
    await press(app, 'import.run');
    expect(app.ws.customers).toHaveLength(200);
    expect(app.frame()).toContain('文件有问题');
    await press(app, 'import.cancel');
    expect(app.frame()).toContain('200 / 200');
    app.unmount();
  });

  it('takes a mapping file too: the same skip, translation and --create-missing choices as the CLI', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'feedback.csv');
    fs.writeFileSync(file, iconv.encode('编号,客户姓名,手机,类型,日期,内容\r\n1,欧阳娜娜,13911112222,差评,2024/3/5,空调坏了\r\n', 'gbk'));
    const mapping = path.join(dir, 'feedback-mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ skip: ['编号'], map: { 内容: ['subject', 'description'] }, value: { 类型: { 差评: 'complaint' } }, createMissing: true }));
    const app = await renderApp({ lang: 'en' });
    await press(app, 'app.palette');
    await app.type('import service tickets');
    await press(app, 'picker.pick');
    await app.press(KEY.ctrlU);
    await app.type(file);
    await press(app, 'import.nextField');
    await app.type(mapping);
    await press(app, 'import.preview');
    expect(app.frame()).toContain('编号->(skipped)');
    expect(app.frame()).toContain('1 rows: 1 new');
    const customers = app.ws.customers.length;
    await press(app, 'import.run');
    expect(app.ws.customers).toHaveLength(customers + 1);
    const c = app.ws.customers.at(-1)!;
    expect(c).toMatchObject({ name: '欧阳娜娜', phone: '13911112222' });
    expect(app.ws.tickets.at(-1)).toMatchObject({ customerId: c.id, type: 'complaint', subject: '空调坏了', description: '空调坏了', raisedOn: '2024-03-05' });
    app.unmount();
  });

  it('the first rows shown are the ones the import takes: not those --only leaves out; the three date parts named as such', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'bookings.csv');
    fs.writeFileSync(file, ['hotel,arrival_date_year,arrival_date_month,arrival_date_day_of_month,customer_id,adr', 'City Hotel,2015,July,1,G001,80', 'Resort Hotel,2015,July,2,G002,75.5', '', 'Resort Hotel,2015,August,3,G003,98'].join('\n'));
    const mapping = path.join(dir, 'bookings-mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ only: { hotel: 'Resort Hotel' }, map: { adr: 'total' }, date: { date: ['arrival_date_year', 'arrival_date_month', 'arrival_date_day_of_month'] }, set: { type: 'room' }, createMissing: true }));
    const app = await renderApp({ lang: 'en' });
    await openImport(app, file, 'import orders');
    await press(app, 'import.another');
    await app.press(KEY.ctrlU);
    await app.type(file);
    await press(app, 'import.nextField');
    await app.type(mapping);
    await press(app, 'import.preview');
    const f = app.frame();
    expect(f).toContain('2 rows: 2 new');
    expect(f).toContain('arrival_date_year->Date(part of the date)');
    expect(f).toContain('G002');
    expect(f).toContain('G003');
    // the City Hotel row is left out: not shown as if it were imported
    expect(f).not.toContain('G001');
    app.unmount();
  });

  it('skips a column and sets the date order on the preview itself, as --skip and --date-order do', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'bookings.csv');
    // 类型 would be read as the ticket type and refuse every row; 7/1/2015 reads two ways
    fs.writeFileSync(file, '客户姓名,手机,类型,日期,内容\n欧阳娜娜,13911112222,差评,7/1/2015,空调坏了\n欧阳娜娜,13911112222,差评,8/13/2015,早餐太少\n');
    const mapping = path.join(dir, 'mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ map: { 内容: ['subject', 'description'] }, createMissing: true }));
    const app = await renderApp({ lang: 'en' });
    await press(app, 'app.palette');
    await app.type('import service tickets');
    await press(app, 'picker.pick');
    await app.press(KEY.ctrlU);
    await app.type(file);
    await press(app, 'import.nextField');
    await app.type(mapping);
    await press(app, 'import.preview');
    let f = app.frame();
    // grouped: one finding for the two rows of 差评, with its count and lines
    expect(f).toContain('line 2, column "类型", value "差评"');
    expect(f).toContain('2 rows with this problem: lines 2, 3');
    expect(f).toContain('line 2, column "日期", value "7/1/2015"');
    expect(f).toContain('Date order: as written');
    await press(app, 'import.nextColumn');
    await press(app, 'import.nextColumn');
    expect(app.frame()).toContain('[类型->');
    await press(app, 'import.skipColumn');
    f = app.frame();
    expect(f).toContain('[类型->(skipped)]');
    expect(f).not.toContain('差评');
    // dmy, then mdy: 7/1/2015 is July 1 and 8/13/2015 reads one way only
    await press(app, 'import.dateOrder');
    expect(app.frame()).toContain('Date order: day first');
    expect(app.frame()).toContain('value "8/13/2015"');
    await press(app, 'import.dateOrder');
    f = app.frame();
    expect(f).toContain('Date order: month first');
    expect(f).toContain('2 rows: 2 new');
    expect(f).toContain('1 new Customers to be created from the file');
    const tickets = app.ws.tickets.length;
    await press(app, 'import.run');
    expect(app.ws.tickets).toHaveLength(tickets + 2);
    expect(app.ws.tickets.slice(-2).map((x) => [x.raisedOn, x.subject])).toEqual([['2015-07-01', '空调坏了'], ['2015-08-13', '早餐太少']]);
    app.unmount();
  });

  it('an order history with 购买数量 previews the quantity column and says when a rounding line keeps an amount exact', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'history.csv');
    fs.writeFileSync(file, iconv.encode('客户编号,下单日期,购买数量,订单金额\r\nC0001,1997/1/1,3,10.00\r\n', 'gbk'));
    const app = await renderApp({ lang: 'en' });
    await openImport(app, file, 'import orders');
    const f = app.frame();
    expect(f).toContain('购买数量->Quantity');
    expect(f).toContain('1 orders: the amount does not divide by the quantity');
    await press(app, 'import.run');
    expect(app.ws.orders.at(-1)).toMatchObject({ customerId: 'C0001', total: 1000, items: [{ qty: 3, unitPrice: 333 }, { qty: 1, unitPrice: 1 }] });
    app.unmount();
  });

  it('the folder offered is selected: a whole path typed replaces it; a missing file is said in the user\'s language', async () => {
    const file = path.join(tmpDir(), 'class.csv');
    fs.writeFileSync(file, '客户名称,手机\n欧阳娜娜,13911112222\n');
    const app = await renderApp({ lang: 'zh-CN' });
    await press(app, 'app.palette');
    await app.type('import customers');
    await press(app, 'picker.pick');
    await app.type(`${file}.missing`);
    await press(app, 'import.preview');
    // not the working folder with the path appended to it, and not the system's English
    expect(app.frame()).toContain(`无法读取 ${file}.missing：文件或文件夹不存在`);
    expect(app.frame()).not.toContain('ENOENT');
    for (let i = 0; i < '.missing'.length; i++) await app.press(KEY.backspace);
    await press(app, 'import.preview');
    expect(app.frame()).toContain('欧阳娜娜');
    app.unmount();
  });

  for (const [lang, cols] of [['zh-CN', 80], ['en', 60]] as const) {
    it(`c on the preview creates the customers an order history names (--create-missing), ${lang} at ${cols} columns`, async () => {
      const file = path.join(tmpDir(), 'history.csv');
      fs.writeFileSync(file, iconv.encode('客户编号,下单日期,购买数量,订单金额\r\n90001,1997/1/1,1,100.00\r\n90002,1997/1/2,3,10.00\r\n90001,1997/2/1,2,50.00\r\n', 'gbk'));
      const app = await renderApp({ lang, cols });
      await openImport(app, file, 'import orders');
      const customers = app.ws.customers.length;
      const orders = app.ws.orders.length;
      // without: every row refused, and the way out is on the screen
      expect(app.frame()).toContain(lang === 'en' ? 'Missing customers: refused (c creates' : '缺少的客户：拒绝（按 c 新建）');
      await press(app, 'import.run');
      expect(app.ws.orders).toHaveLength(orders);
      await press(app, 'import.createMissing');
      expect(app.frame()).toContain(lang === 'en' ? 'Missing customers: created from the' : '缺少的客户：按文件新建');
      // a preview: what the import will create, not what it did
      expect(app.frame()).toContain(lang === 'en' ? '2 new Customers to be created from the file' : '将从文件新建 2 个客户');
      for (const l of app.lines()) expect(displayWidth(l)).toBeLessThanOrEqual(cols);
      // still a preview: nothing written yet
      expect(app.ws.customers).toHaveLength(customers);
      await press(app, 'import.run');
      expect(app.ws.customers).toHaveLength(customers + 2);
      expect(app.ws.orders).toHaveLength(orders + 3);
      expect(app.ws.customers.find((c) => c.id === '90001')).toMatchObject({ name: '90001', stage: 'repeat' });
      app.unmount();
    });
  }

  for (const [lang, cols] of [['zh-CN', 80], ['en', 60]] as const) {
    it(`m and a on the preview choose the fields a column fills (one column to two), ${lang} at ${cols} columns`, async () => {
      const file = path.join(tmpDir(), 'feedback.csv');
      fs.writeFileSync(file, iconv.encode('编号,客户姓名,手机,日期,内容\r\nF1,欧阳娜娜,13911112222,2024/3/5,空调坏了\r\n', 'gbk'));
      const app = await renderApp({ lang, cols });
      await openImport(app, file, 'import tickets');
      // 内容 is taken as the description: the subject, required, is missing
      expect(app.frame()).toContain(lang === 'en' ? 'column "Subject": is required' : '列「主题」：必填');
      for (let i = 0; i < 4; i++) await press(app, 'import.nextColumn');
      await press(app, 'import.mapColumn');
      expect(app.frame()).toContain(lang === 'en' ? '内容 fills' : '「内容」填入');
      await app.type(lang === 'en' ? 'subject' : '主题');
      await press(app, 'picker.pick');
      expect(app.frame()).toContain(lang === 'en' ? '[内容->Subject]' : '[内容->主题]');
      await press(app, 'import.alsoColumn');
      // pinyin finds 描述 as in every picker
      await app.type(lang === 'en' ? 'descr' : 'miaoshu');
      await press(app, 'picker.pick');
      const f = app.frame();
      expect(f).toContain(lang === 'en' ? '[内容->Subject+Description]' : '[内容->主题+描述]');
      expect(f).toContain(lang === 'en' ? '手机->Customer(Mobile)' : '手机->客户(手机)');
      for (const l of app.lines()) expect(displayWidth(l)).toBeLessThanOrEqual(cols);
      await press(app, 'import.createMissing');
      const tickets = app.ws.tickets.length;
      await press(app, 'import.run');
      expect(app.ws.tickets).toHaveLength(tickets + 1);
      expect(app.ws.tickets.at(-1)).toMatchObject({ subject: '空调坏了', description: '空调坏了', raisedOn: '2024-03-05' });
      expect(app.ws.customers.find((c) => c.id === app.ws.tickets.at(-1)!.customerId)).toMatchObject({ name: '欧阳娜娜', phone: '13911112222' });
      app.unmount();
    });
  }

  for (const [lang, cols] of [['zh-CN', 60], ['en', 80]] as const) {
    it(`says, wrapped and whole, which rows go to a customer their mobile finds under another name, ${lang} at ${cols} columns`, async () => {
      const file = path.join(tmpDir(), 'feedback.csv');
      const app = await renderApp({ lang, cols });
      const known = app.ws.customers.find((c) => typeof c.phone === 'string' && /^1\d{10}$/.test(c.phone))!;
      fs.writeFileSync(file, `客户姓名,手机,主题\n欧阳娜娜,${known.phone},空调坏了\n`);
      await openImport(app, file, 'import tickets');
      // wrapped where a space falls: compared without the spaces
      const bare = (x: string) => x.replace(/\s+/g, '');
      expect(bare(app.lines().join(''))).toContain(bare(lang === 'en' ? `line 2 欧阳娜娜 -> ${known.id} ${known.name}` : `第 2 行 欧阳娜娜 -> ${known.id} ${known.name}`));
      for (const l of app.lines()) expect(displayWidth(l)).toBeLessThanOrEqual(cols);
      const tickets = app.ws.tickets.length;
      await press(app, 'import.run');
      expect(app.ws.tickets).toHaveLength(tickets + 1);
      expect(app.ws.tickets.at(-1)!.customerId).toBe(known.id);
      app.unmount();
    });
  }

  it('a customers file has no missing customers to create: c says so and changes nothing', async () => {
    const file = path.join(tmpDir(), 'class.csv');
    fs.writeFileSync(file, '客户名称,手机\n欧阳娜娜,13911112222\n');
    const app = await renderApp({ lang: 'en' });
    await openImport(app, file);
    expect(app.frame()).not.toContain('Missing customers');
    await press(app, 'import.createMissing');
    expect(app.frame()).toContain('nothing to create');
    expect(app.frame()).toContain('1 rows: 1 new');
    app.unmount();
  });

  it('the preview lists its keys from their bindings: a key bound elsewhere is shown as bound; c only where rows name customers; the duplicates policy as state', async () => {
    const skip = IMPORT_PREVIEW_COMMANDS.find((c) => c.id === 'import.skipColumn')!;
    const was = skip.keys;
    skip.keys = ['z'];
    try {
      const file = path.join(tmpDir(), 'class.csv');
      fs.writeFileSync(file, '客户名称,手机\n欧阳娜娜,13911112222\n');
      const app = await renderApp({ lang: 'en' });
      await openImport(app, file);
      expect(app.frame()).toMatch(/Left\/Right pick a column  z skip it \(or take it again\)  m map to a field\s+a also another field  o date order/);
      expect(app.frame()).not.toContain('create missing');
      expect(app.frame()).toContain('Duplicates: refuse');
      await press(app, 'import.duplicates');
      expect(app.frame()).toContain('Duplicates: skip');
      app.unmount();
      const history = path.join(tmpDir(), 'history.csv');
      fs.writeFileSync(history, iconv.encode('客户编号,下单日期,购买数量,订单金额\r\n90001,1997/1/1,1,100.00\r\n', 'gbk'));
      const zh = await renderApp({ lang: 'zh-CN' });
      await openImport(zh, history, 'import orders');
      expect(zh.frame()).toMatch(/Left\/Right 选列  z 跳过该列（再按恢复）  m 填入字段  a 再填一个字段  o 日期顺序\s+c 新建缺少的客户/);
      expect(zh.frame()).toContain('重复记录：拒绝');
      zh.unmount();
      // narrower: every key still listed, over two lines
      const narrow = await renderApp({ lang: 'en', cols: 60 });
      await openImport(narrow, file);
      expect(narrow.frame()).toMatch(/z skip it \(or take it again\)\s+m map to a field\s+a also another field\s+o date order/);
      for (const l of narrow.lines()) expect(displayWidth(l)).toBeLessThanOrEqual(60);
      narrow.unmount();
    } finally {
      skip.keys = was;
    }
  });

  for (const [lang, cols] of [['zh-CN', 80], ['en', 60]] as const) {
    it(`keys typed while the preview is being made act on nothing: c and Enter pressed ahead import nothing, ${lang} at ${cols} columns`, async () => {
      const file = path.join(tmpDir(), 'history.csv');
      fs.writeFileSync(file, iconv.encode('客户编号,下单日期,购买数量,订单金额\r\n90001,1997/1/1,1,100.00\r\n90002,1997/1/2,3,10.00\r\n', 'gbk'));
      const app = await renderApp({ lang, cols });
      await press(app, 'app.palette');
      await app.type('import orders');
      await press(app, 'picker.pick');
      await app.type(file);
      const customers = app.ws.customers.length;
      const orders = app.ws.orders.length;
      // Enter, then c (create the missing customers) and Enter (import) before the preview is drawn
      const early = await app.typeAhead(keyOf('import.preview'), keyOf('import.createMissing'), keyOf('import.run'));
      // the preview as the file makes it, nothing created, nothing imported
      expect(app.ws.orders).toHaveLength(orders);
      expect(app.ws.customers).toHaveLength(customers);
      expect(app.frame()).toContain(lang === 'en' ? 'Missing customers: refused (c creates' : '缺少的客户：拒绝（按 c 新建）');
      // and while it was being made, the screen said so
      expect(early).toContain(lang === 'en' ? 'Reading and checking' : '正在读取并检查');
      for (const l of app.lines()) expect(displayWidth(l)).toBeLessThanOrEqual(cols);
      // the same keys pressed now, at the preview the user sees, do what they say
      await press(app, 'import.createMissing');
      expect(app.frame()).toContain(lang === 'en' ? 'Missing customers: created from the' : '缺少的客户：按文件新建');
      // Enter twice: the second, typed while the import runs, does nothing (the dialog is gone by then)
      const during = await app.typeAhead(keyOf('import.run'), keyOf('import.run'));
      expect(during).toContain(lang === 'en' ? 'Importing 2 rows' : '正在导入 2 行');
      expect(app.ws.customers).toHaveLength(customers + 2);
      expect(app.ws.orders).toHaveLength(orders + 2);
      // back on the list, with no record opened by that second Enter
      expect(app.frame()).toContain(lang === 'en' ? 'j/k move' : 'j/k 移动');
      app.unmount();
    });
  }
});
