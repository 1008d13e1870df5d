import { describe, expect, it } from 'vitest';
import { canTransition, allowedTransitions, stageAfterPurchase, type Stage } from '../../src/domain/lifecycle.js';

describe('customer lifecycle (seed 004)', () => {
  it.each<[Stage, Stage]>([
    ['non', 'potential'], ['potential', 'target'], ['potential', 'first'], ['target', 'first'],
    ['first', 'repeat'], ['repeat', 'loyal'], ['first', 'lost'], ['repeat', 'lost'], ['loyal', 'lost'],
    ['lost', 'repeat'], ['lost', 'loyal'], ['lost', 'non'], ['potential', 'non'], ['target', 'non'],
  ])('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each<[Stage, Stage]>([
    ['non', 'target'], ['non', 'first'], ['potential', 'repeat'], ['first', 'loyal'], ['loyal', 'first'],
    ['lost', 'first'], ['lost', 'potential'], ['first', 'non'], ['target', 'potential'],
  ])('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('names the allowed moves from a stage', () => {
    expect(allowedTransitions('lost')).toEqual(['repeat', 'loyal', 'non']);
  });

  it('makes a potential or target customer a first-time buyer on a first purchase', () => {
    expect(stageAfterPurchase('potential')).toBe('first');
    expect(stageAfterPurchase('target')).toBe('first');
    expect(stageAfterPurchase('repeat')).toBe('repeat');
  });
});
