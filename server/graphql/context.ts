import type { RequestAuth } from '../auth/request-auth.ts';
import type { Store } from '../store/store.ts';

/** What every resolver receives: the one store chosen at start. */
export interface GraphQLContext {
  store: Store;
  /** Who is calling and the auth services (server/auth); set by the security plugin on every request. */
  auth?: RequestAuth;
}
