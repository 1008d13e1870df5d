// The tabs of screen 7, in their order; each lays out the figures of one analytics service.
import type { MessageKey } from '../../../i18n/index.js';
import type { TabDef, TabId } from './tab-view.js';
import { RFM_TABS } from './tabs-rfm.js';
import { CARE_TABS } from './tabs-care.js';

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

export const TABS: readonly TabDef[] = [RFM_TABS.stats, RFM_TABS.pyramid, RFM_TABS.rfm, CARE_TABS.kaism, CARE_TABS.ltv, CARE_TABS.churn, CARE_TABS.kpi];
