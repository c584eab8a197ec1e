import { isValidUscc } from '../../model/uscc.ts';
import { ENTERPRISE_ROLES, REGIONS } from '../../model/vocabulary.ts';
import { ValidationError } from '../../errors.ts';
import { ENTERPRISE_TAGS, type EnterpriseInput } from './enterprise-types.ts';

const MAX_NAME_LENGTH = 200;

function requireText(value: string | null | undefined, field: string): string {
  const text = value?.trim() ?? '';
  if (!text) throw new ValidationError(`${field}: must not be empty`, field);
  if (text.length > MAX_NAME_LENGTH) throw new ValidationError(`${field}: at most ${MAX_NAME_LENGTH} characters`, field);
  return text;
}

function optionalText(value: string | null | undefined, field: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  const text = value.trim();
  if (text.length > MAX_NAME_LENGTH) throw new ValidationError(`${field}: at most ${MAX_NAME_LENGTH} characters`, field);
  return text || null;
}

/** Upper-cases and checks a 统一社会信用代码 (18 characters, GB 32100-2015 check character). */
export function checkUscc(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const code = value.trim().normalize('NFKC').toUpperCase();
  if (!code) return null;
  if (!isValidUscc(code)) {
    throw new ValidationError(`uscc: '${value}' is not a valid 统一社会信用代码 (18 characters, GB 32100-2015 check character)`, 'uscc');
  }
  return code;
}

export function checkOutput(value: number | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (!Number.isFinite(value) || value < 0) throw new ValidationError(`output: must be a number ≥ 0 (万元), got ${value}`, 'output');
  return value;
}

export function checkShare(value: number | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new ValidationError(`share: must be between 0 and 1, got ${value}`, 'share');
  return value;
}

export function checkRole(value: string): string {
  if (!(ENTERPRISE_ROLES as readonly string[]).includes(value)) {
    throw new ValidationError(`role: must be one of ${ENTERPRISE_ROLES.join(', ')}, got '${value}'`, 'role');
  }
  return value;
}

export function checkProduct(value: string | null | undefined): string {
  return requireText(value, 'product');
}

/**
 * Validates and cleans enterprise fields. With `creating`, name and areaId are
 * required; on update they may be absent but not null. Fields left undefined
 * stay undefined (not touched).
 */
export function checkEnterpriseInput(input: EnterpriseInput, creating: boolean): EnterpriseInput {
  const out: EnterpriseInput = {};
  if (creating || input.name !== undefined) out.name = requireText(input.name, 'name');
  if (creating || input.areaId !== undefined) out.areaId = requireText(input.areaId, 'areaId');
  if (input.shortName !== undefined) out.shortName = optionalText(input.shortName, 'shortName');
  if (input.province !== undefined) out.province = optionalText(input.province, 'province');
  if (input.city !== undefined) out.city = optionalText(input.city, 'city');
  if (input.founded !== undefined) out.founded = optionalText(input.founded, 'founded');
  if (input.uscc !== undefined) out.uscc = checkUscc(input.uscc);
  if (input.output !== undefined) out.output = checkOutput(input.output);
  if (input.local !== undefined) out.local = input.local;
  if (input.aboveScale !== undefined) out.aboveScale = input.aboveScale;
  if (input.region !== undefined) {
    if (input.region !== null && !(REGIONS as readonly string[]).includes(input.region)) {
      throw new ValidationError(`region: must be one of ${REGIONS.join(', ')}, got '${input.region}'`, 'region');
    }
    out.region = input.region;
  }
  if (input.tags !== undefined) {
    for (const tag of input.tags ?? []) {
      if (!(ENTERPRISE_TAGS as readonly string[]).includes(tag)) {
        throw new ValidationError(`tags: unknown tag '${tag}'; use ${ENTERPRISE_TAGS.join(', ')}`, 'tags');
      }
    }
    out.tags = input.tags === null ? null : [...new Set(input.tags)];
  }
  return out;
}
