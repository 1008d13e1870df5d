// Screen 4: the funnel, and the leads that feed it as a second view (L / F).
import { useEffect, useState } from 'react';
import type { ScreenProps } from '../screens.js';
import { RecordScreen } from './records/RecordScreen.js';
import { funnelConfig } from './funnel.js';
import { leadsConfig, onSalesView, type SalesView } from './leads.js';

export function SalesScreen(p: ScreenProps) {
  const [view, setView] = useState<SalesView>('funnel');
  useEffect(() => {
    if (p.active) onSalesView(setView);
  }, [p.active]);
  return <RecordScreen key={view} {...p} config={view === 'leads' ? leadsConfig : funnelConfig} />;
}
