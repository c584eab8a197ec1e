import { describe, expect, it } from 'vitest';
import { classifyStrength } from './strength.ts';

describe('classifyStrength', () => {
  it.each([
    [null, 'unknown'],
    [{ localCount: null, localOutput: null }, 'unknown'],
    [{ localCount: 0, localOutput: 0 }, 'none'],
    [{ localCount: 1, localOutput: 900_000 }, 'weak'],
    [{ localCount: 4, localOutput: 10_000 }, 'weak'],
    [{ localCount: 2, localOutput: 120_000 }, 'medium'],
    [{ localCount: 3, localOutput: 120_000 }, 'medium'],
    [{ localCount: 3, localOutput: 300_000 }, 'strong'],
    [{ localCount: 5, localOutput: null }, 'strong'],
  ] as const)('%j → %s', (facts, expected) => {
    expect(classifyStrength(facts)).toBe(expected);
  });
});

describe('classifyStrength with the server verdict', () => {
  it('takes weak and absent from presence, and grades strong ones by count/output', () => {
    expect(classifyStrength({ localCount: 6, localOutput: 900_000, presence: 'weak' })).toBe('weak');
    expect(classifyStrength({ localCount: 0, localOutput: 0, presence: 'absent' })).toBe('none');
    expect(classifyStrength({ localCount: 2, localOutput: 90_000, presence: 'strong' })).toBe('medium');
  });
});
