import { it } from 'vitest';
import { renderApp, press } from '../helpers/render-app.js';
import { loadDemoWorkspace } from '../../src/demo.js';
it('peek', async () => {
  const ws = loadDemoWorkspace();
  const app = await renderApp({ ws, lang: 'zh-CN' });
  await press(app, 'list.open');
  await press(app, 'detail.nextSection', 'detail.nextSection', 'detail.nextSection');
  console.log(app.frame());
  app.unmount();
});
