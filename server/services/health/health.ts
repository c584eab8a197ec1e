import { roleAtLeast, type Role } from '../../auth/roles.ts';
import type { Store } from '../../store/store.ts';

/** The public liveness answer of /healthz: no engine version, no file path (they help an attacker, not a load balancer). */
export interface Liveness {
  ok: boolean;
}

/** How long /healthz waits for the store before saying it does not answer. */
export const HEALTHZ_WAIT_MS = 2000;
/** A store probe this recent answers /healthz without asking the store again. */
export const HEALTHZ_FRESH_MS = 1000;

const probes = new WeakMap<Store, { at: number; ok: boolean; running: Promise<boolean> | null }>();

async function probeStore(store: Store, waitMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), waitMs);
  });
  try {
    return await Promise.race([store.health().then((h) => h.reachable), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A store probe this old still answers /healthz at once, while the store is asked again; an older one is waited for. */
export const HEALTHZ_STALE_MS = 5 * HEALTHZ_FRESH_MS;

/**
 * Whether the server and its store are up. The store is asked at most once a
 * second (concurrent probes share one question). A result under 5 s old
 * answers at once while the next question runs, so a load balancer polling
 * /healthz during heavy queries measures whether the server answers, not the
 * engine's queue nor a turn of the event loop spent waiting for its answer.
 */
export async function liveness(store: Store, waitMs = HEALTHZ_WAIT_MS, now = Date.now()): Promise<Liveness> {
  const last = probes.get(store);
  const age = last ? now - last.at : Infinity;
  if (last && age < HEALTHZ_FRESH_MS) return { ok: last.ok };
  const entry = last ?? { at: 0, ok: false, running: null };
  probes.set(store, entry);
  entry.running ??= probeStore(store, waitMs).then((ok) => {
    Object.assign(entry, { at: Date.now(), ok, running: null });
    return ok;
  });
  if (age < HEALTHZ_STALE_MS) return { ok: entry.ok };
  return { ok: await entry.running };
}

/** The GraphQL `health` field: the detail (engine version, data path) for admins only. */
export async function healthFor(store: Store, role: Role | null) {
  const health = await store.health();
  return { ...health, detail: roleAtLeast(role, 'admin') ? health.detail : null };
}
