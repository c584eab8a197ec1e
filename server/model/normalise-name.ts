/**
 * Legal-form suffixes dropped when comparing names, longest first so that
 * 股份有限公司 is not left as 股份 after stripping 有限公司.
 */
const SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '股份公司'] as const;

/** Brackets of either width (after NFKC full-width （） become ()), quotes and separators. */
const STRIPPED = /[\s()[\]{}<>【】〔〕〈〉《》「」『』"'“”‘’·・.,，、\-_—]/gu;

/**
 * The comparable form of an organisation or place name, stored as `searchName`
 * and applied to search queries: Unicode NFKC (full-width letters, digits and
 * brackets become half-width), lower-case, whitespace, brackets and separators
 * removed, then a trailing legal-form suffix (有限公司, 有限责任公司, 股份有限公司)
 * removed. The content of brackets stays: 合肥某某（巢湖）有限公司 → 合肥某某巢湖.
 * A name that is only a suffix keeps it, so the result is never empty for a
 * non-empty name.
 */
export function normaliseName(name: string): string {
  // An import asks for one row's name several times in a row (duplicate check, match, id, search name).
  if (name === last.name) return last.normalised;
  last.name = name;
  last.normalised = normalise(name);
  return last.normalised;
}

const last = { name: '', normalised: '' };

function normalise(name: string): string {
  const compact = name.normalize('NFKC').toLowerCase().replace(STRIPPED, '');
  for (const suffix of SUFFIXES) {
    if (compact.endsWith(suffix) && compact.length > suffix.length) return compact.slice(0, -suffix.length);
  }
  return compact;
}
