// The tabs of screen 7, in their order; each lays out the figures of one analytics service.
import type { MessageKey } from '../../../i18n/index.js';
import type { TabDef, TabId, TabView } from './tab-view.js';
import { RFM_TABS } from './tabs-rfm.js';

const TITLES: Record<TabId, MessageKey> = {
  stats: 'analytics.tab.stats',
  pyramid: 'analytics.tab.pyramid',
  rfm: 'analytics.tab.rfm',
  kaism: 'analytics.tab.kaism',
  ltv: 'analytics.tab.ltv',
  churn: 'analytics.tab.churn',
  kpi: 'analytics.tab.kpi',
};
export const tabTitle = (id: TabId): MessageKey => TITLES[id];

/** A model whose service has not landed yet: says so, offers nothing. */
const pending = (id: TabId): TabDef => ({
  id,
  build: ({ t }): TabView => ({ head: [t('analytics.pending')], rows: [], segments: [], below: [], about: [], actions: {} }),
});

export const TABS: readonly TabDef[] = [RFM_TABS.stats, RFM_TABS.pyramid, RFM_TABS.rfm, pending('kaism'), pending('ltv'), pending('churn'), pending('kpi')];
