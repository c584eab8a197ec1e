/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters
 * from the 31-character set below (no I, O, Z, S, V); the 18th is a check
 * character computed from the first 17 with weights 3^i mod 31.
 *
 * Layout: 1 登记管理部门码, 2 机构类别码, 3–8 登记管理机关行政区划码,
 * 9–17 主体标识码 (组织机构代码, with its own GB 11714 check digit, which this
 * module does not verify), 18 校验码.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

/** The check character for the first 17 characters of a code; throws on a bad length or character. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`usccCheckChar needs 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new Error(`'${first17[i]}' at position ${i + 1} is not a USCC character`);
    sum += value * WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** True when `code` is 18 upper-case USCC characters with a 6-digit area code and the right check character. */
export function isValidUscc(code: string): boolean {
  if (typeof code !== 'string' || !USCC_PATTERN.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}

/** GB 11714 check character of an 8-character organisation code (positions 9–16 of a USCC). */
export function orgCodeCheckChar(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i]!;
    const value = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * weights[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
