import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckChar } from '../../server/model/uscc.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts known valid codes', () => {
    // The standard's own example format, and codes whose check characters were computed by hand
    // (sum of value × 3^i mod 31 over the first 17 characters; check = 31 − sum mod 31).
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    // 9·1+1·3+3·9+4·27+0·19+1·26+0·16+0·17+M(21)·20+A(10)·29+2·25+N(22)·13+X(29)·(8+24+10+30+28) = 4119;
    // 4119 mod 31 = 27; 31 − 27 = 4 → '4'
    expect(usccCheckChar('91340100MA2NXXXXX')).toBe('4');
    expect(isValidUscc('91340100MA2NXXXXX4')).toBe(true);
    expect(isValidUscc('91340100MA2NXXXXX5')).toBe(false);
  });

  it('computes the check character for a sum that is a multiple of 31 as 0', () => {
    // '1' followed by zeros except where the weighted sum makes 31: 1×1 + 10×3 = 31 ('A' = 10 at position 2)
    expect(usccCheckChar('1A000000000000000')).toBe('0');
    expect(isValidUscc('1A0000000000000000')).toBe(true);
  });

  it('maps the weighted sum to a character of the 31-character set', () => {
    // sum = 1×1 = 1 → 31 − 1 = 30 → 'Y'
    expect(usccCheckChar('10000000000000000')).toBe('Y');
    // sum = 2 → 29 → 'X'
    expect(usccCheckChar('20000000000000000')).toBe('X');
  });

  it('rejects a wrong check character, a wrong length, lower case and forbidden letters', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100m000100y43')).toBe(false);
    expect(isValidUscc('91350100M000100I43')).toBe(false); // I is not in the character set
    expect(isValidUscc('91AB0100M000100Y43')).toBe(false); // positions 3–8 are digits (行政区划码)
    expect(() => usccCheckChar('123')).toThrow(/17 characters/);
    expect(() => usccCheckChar('91350100M000100O4')).toThrow(/not a USCC character/);
  });

  it('round-trips: a code built with usccCheckChar is valid', () => {
    for (const first17 of ['91340181MA2NB1PQ7', '91320500MA1WXY3K2', '12340100MB0T3E5R6']) {
      expect(isValidUscc(first17 + usccCheckChar(first17))).toBe(true);
    }
  });
});
