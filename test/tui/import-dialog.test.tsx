import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { renderApp, press, KEY } from '../helpers/render-app.js';
import { tmpDir } from '../helpers/tmp.js';

async function openImport(app: Awaited<ReturnType<typeof renderApp>>, file: string) {
  await press(app, 'app.palette');
  await app.type('import customers');
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
});
