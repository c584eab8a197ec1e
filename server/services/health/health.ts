import { roleAtLeast, type Role } from '../../auth/roles.ts';
import type { Store } from '../../store/store.ts';

/** The public liveness answer of /healthz: no engine version, no file path (they help an attacker, not a load balancer). */
export interface Liveness {
  ok: boolean;
}

/** How long /healthz waits for the store before saying it does not answer. */
export const HEALTHZ_WAIT_MS = 2000;

export async function liveness(store: Store, waitMs = HEALTHZ_WAIT_MS): Promise<Liveness> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ reachable: false }>((resolve) => {
    timer = setTimeout(() => resolve({ reachable: false }), waitMs);
  });
  try {
    const health = await Promise.race([store.health(), late]);
    return { ok: health.reachable };
  } finally {
    clearTimeout(timer);
  }
}

/** The GraphQL `health` field: the detail (engine version, data path) for admins only. */
export async function healthFor(store: Store, role: Role | null) {
  const health = await store.health();
  return { ...health, detail: roleAtLeast(role, 'admin') ? health.detail : null };
}
