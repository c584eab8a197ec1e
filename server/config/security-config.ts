import path from 'node:path';
import type { AuthOptions } from '../auth/auth-options.ts';

/** Security and operations settings from flags and env (docs/security.md). */
export interface SecurityConfig {
  auth: AuthOptions;
  graphiql: boolean;
  corsOrigins: string[];
  backup: { dir: string; everyHours: number; keep: number } | null;
}

/** parseArgs options of the security flags, merged into server/config.ts. */
export const SECURITY_FLAGS = {
  open: { type: 'boolean' },
  'no-graphiql': { type: 'boolean' },
  'no-introspection': { type: 'boolean' },
  'rate-limit': { type: 'string' },
  'cost-budget': { type: 'string' },
  'max-upload-mb': { type: 'string' },
  'cors-origin': { type: 'string', multiple: true },
  'trust-proxy': { type: 'boolean' },
  'backup-dir': { type: 'string' },
  'backup-every': { type: 'string' },
  'backup-keep': { type: 'string' },
} as const;

export const SECURITY_FLAGS_HELP =
  '--open, --no-graphiql, --no-introspection, --rate-limit N (per minute, 0 off), --cost-budget N (cost units per minute per client, 0 off), --max-upload-mb N, --cors-origin URL, --trust-proxy, --backup-dir DIR, --backup-every HOURS, --backup-keep N';

type Values = Partial<Record<keyof typeof SECURITY_FLAGS, string | boolean | string[] | undefined>>;

function numberFrom(name: string, text: string | undefined, fallback: number, check: (n: number) => boolean, fail: (m: string) => Error): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || !check(n)) throw fail(`${name} must be a non-negative number (got '${text}')`);
  return n;
}

const bool = (v: string | undefined) => v === 'true' || v === '1';

export function securityConfigFrom(values: Values, env: NodeJS.ProcessEnv, fail: (message: string) => Error): SecurityConfig {
  const positive = (n: number) => n >= 0;
  const rate = numberFrom('--rate-limit / RATE_LIMIT', (values['rate-limit'] as string | undefined) ?? env.RATE_LIMIT, 600, positive, fail);
  const cost = numberFrom('--cost-budget / COST_BUDGET', (values['cost-budget'] as string | undefined) ?? env.COST_BUDGET, 60_000, positive, fail);
  const uploadMb = numberFrom('--max-upload-mb / MAX_UPLOAD_MB', (values['max-upload-mb'] as string | undefined) ?? env.MAX_UPLOAD_MB, 25, (n) => n > 0, fail);
  const backupDir = (values['backup-dir'] as string | undefined) ?? env.BACKUP_DIR;
  const every = numberFrom('--backup-every / BACKUP_EVERY', (values['backup-every'] as string | undefined) ?? env.BACKUP_EVERY, 24, (n) => n > 0, fail);
  const keep = numberFrom(
    '--backup-keep / BACKUP_KEEP',
    (values['backup-keep'] as string | undefined) ?? env.BACKUP_KEEP,
    7,
    (n) => Number.isInteger(n) && n >= 1,
    fail,
  );
  const cors =
    (values['cors-origin'] as string[] | undefined) ??
    (env.CORS_ORIGINS
      ? env.CORS_ORIGINS.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : []);
  return {
    auth: {
      mode: 'enabled',
      open: Boolean(values.open) || bool(env.OPEN_MODE),
      introspection: !(values['no-introspection'] || bool(env.NO_INTROSPECTION)),
      rateLimit: rate > 0 ? { perMinute: rate } : false,
      costBudget: cost > 0 ? { perMinute: cost, burst: cost } : false,
      maxBodyBytes: Math.round(uploadMb * 1024 * 1024),
      trustProxy: Boolean(values['trust-proxy']) || bool(env.TRUST_PROXY),
    },
    graphiql: !(values['no-graphiql'] || bool(env.NO_GRAPHIQL)),
    corsOrigins: cors,
    backup: backupDir ? { dir: path.resolve(backupDir), everyHours: every, keep } : null,
  };
}
