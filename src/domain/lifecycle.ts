// The customer lifecycle of seed 004 (五种客户类型的转化), with the current-customer
// sub-stages first-time / repeat / loyal folded into one state code.
export const STAGES = ['non', 'potential', 'target', 'first', 'repeat', 'loyal', 'lost'] as const;
export type Stage = (typeof STAGES)[number];

const NEXT: Record<Stage, Stage[]> = {
  non: ['potential'],
  potential: ['target', 'first', 'non'],
  target: ['first', 'non'],
  first: ['repeat', 'lost'],
  repeat: ['loyal', 'lost'],
  loyal: ['lost'],
  lost: ['repeat', 'loyal', 'non'],
};

export const allowedTransitions = (from: Stage): Stage[] => NEXT[from];
export const canTransition = (from: Stage, to: Stage): boolean => NEXT[from].includes(to);
export const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s);

/** What a first purchase does to a customer's stage: potential/target become first-time buyers. */
export function stageAfterPurchase(stage: Stage): Stage {
  return stage === 'potential' || stage === 'target' || stage === 'non' ? 'first' : stage;
}

/** The stage after one more purchase by a customer who had made `earlier` purchases before it:
 *  the first makes a first-time buyer, the next a repeat buyer; a lost customer who buys again
 *  is a repeat buyer again. Loyal and repeat customers stay where they are. */
export function stageAfterOrder(stage: Stage, earlier: number): Stage {
  if (earlier === 0) return stageAfterPurchase(stage);
  if (stage === 'first' || stage === 'lost') return 'repeat';
  return stage === 'repeat' || stage === 'loyal' ? stage : stageAfterPurchase(stage);
}

/** Whether an order is a purchase: a cancelled one is not. */
export function isPurchase(order: Record<string, unknown>): boolean {
  return order.status !== 'cancelled' && order.paymentStatus !== 'refunded';
}
