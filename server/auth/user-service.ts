import type { Store } from '../store/store.ts';
import { ValidationError } from '../errors.ts';
import { isRole, type Role } from './roles.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, burnPasswordCheck, hashPassword, hashSecret, newId, newSecret, verifyPassword } from './secrets.ts';

export interface User {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface ApiTokenInfo {
  id: string;
  name: string;
  role: Role;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** Who a request acts for. `role` null: known to nobody, may call only public fields. */
export interface Principal {
  kind: 'user' | 'token' | 'anonymous' | 'system';
  name: string;
  role: Role | null;
}

/** How long a sign-in lasts (12 hours: one working day, then sign in again). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const USER_NAME = /^[\p{L}\p{N}_.@-]{1,64}$/u;

export class AuthError extends Error {
  override name = 'AuthError';
  readonly code = 'UNAUTHENTICATED';
}

function checkName(name: string): string {
  if (!USER_NAME.test(name)) throw new ValidationError(`user name '${name.slice(0, 80)}' must be 1–64 letters, digits or _ . @ -`, 'name');
  return name;
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw new ValidationError(`role '${role.slice(0, 40)}' must be viewer, editor or admin`, 'role');
  return role;
}

function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH) throw new ValidationError(`password must have at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  if (password.length > MAX_PASSWORD_LENGTH) throw new ValidationError(`password must have at most ${MAX_PASSWORD_LENGTH} characters`, 'password');
  return password;
}

/**
 * Users, sessions and API tokens, kept in the graph as `User`, `Session` and
 * `ApiToken` nodes. Only hashes of secrets are stored: argon2id for passwords,
 * SHA-256 for the 256-bit random session ids and API tokens.
 */
export class UserService {
  /** Shared by every view of this service (withStore): the user-count cache and the first-admin queue. */
  private shared: { userCountCache?: { value: number; at: number; generation: number }; firstAdminQueue: Promise<unknown> } = {
    firstAdminQueue: Promise.resolve(),
  };

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The same service writing through `store` (the audit's capturing store of
   * one request), sharing its user-count cache and first-admin queue.
   */
  withStore(store: Store): UserService {
    const view = new UserService(store, this.now);
    view.shared = this.shared;
    return view;
  }

  async addUser(name: string, role: string, password: string): Promise<User> {
    checkName(name);
    checkRole(role);
    checkPassword(password);
    if ((await this.store.run('read/auth/user-by-name', { name })).length > 0) throw new ValidationError(`user '${name}' already exists`, 'name');
    const passwordHash = await hashPassword(password);
    const [user] = await this.store.run<User>('write/auth/create-user', { id: newId('user'), name, role, passwordHash, createdAt: this.now().toISOString() });
    this.shared.userCountCache = undefined;
    return user!;
  }

  /**
   * The first admin of a fresh install, created from the UI while the server
   * runs. Null (nothing written) once any user exists. Calls are serialised in
   * this process, so two first-run forms sent at once make one admin.
   */
  addFirstAdmin(name: string, password: string): Promise<User | null> {
    const run = this.shared.firstAdminQueue.then(async () => {
      const [row] = await this.store.run<{ count: number }>('read/auth/user-count');
      if ((row?.count ?? 0) > 0) return null;
      return this.addUser(name, 'admin', password);
    });
    this.shared.firstAdminQueue = run.catch(() => undefined);
    return run;
  }

  listUsers(): Promise<User[]> {
    return this.store.run<User>('read/auth/users');
  }

  async setRole(name: string, role: string): Promise<User> {
    checkRole(role);
    const [user] = await this.store.run<User>('write/auth/set-user-role', { name, role });
    if (!user) throw new ValidationError(`no user named '${name.slice(0, 80)}'`, 'name');
    return user;
  }

  async setPassword(name: string, password: string): Promise<User> {
    checkPassword(password);
    const passwordHash = await hashPassword(password);
    return this.store.transaction(async (tx) => {
      const [user] = await tx.run<User>('write/auth/set-user-password', { name, passwordHash });
      if (!user) throw new ValidationError(`no user named '${name.slice(0, 80)}'`, 'name');
      await tx.run('write/auth/delete-user-sessions', { userId: user.id });
      return user;
    });
  }

  /** Removes the user and ends their sessions; API tokens they created stay until revoked. */
  async removeUser(name: string): Promise<boolean> {
    const removed = await this.store.transaction(async (tx) => {
      const [row] = await tx.run<{ id: string }>('write/auth/remove-user', { name });
      if (row) await tx.run('write/auth/delete-user-sessions', { userId: row.id });
      return Boolean(row);
    });
    this.shared.userCountCache = undefined;
    return removed;
  }

  /**
   * Number of users, cached until this process's next write (a mutation's own
   * UserService adds the user, so its cache is not this one) and for at most
   * 5 s (the CLI may add one from another process on Neo4j).
   */
  async userCount(): Promise<number> {
    const now = Date.now();
    const generation = this.store.writeGeneration();
    const cached = this.shared.userCountCache;
    if (cached && cached.generation === generation && now - cached.at < 5000) return cached.value;
    const [row] = await this.store.run<{ count: number }>('read/auth/user-count');
    this.shared.userCountCache = { value: row?.count ?? 0, at: now, generation };
    return this.shared.userCountCache.value;
  }

  /** Checks name and password; returns the new session secret (for the cookie) and the user. Same error and cost for unknown name and wrong password. */
  async signIn(name: string, password: string): Promise<{ secret: string; user: User }> {
    if (typeof name !== 'string' || typeof password !== 'string' || password.length > MAX_PASSWORD_LENGTH) throw new AuthError('wrong user name or password');
    const [row] = await this.store.run<User & { passwordHash: string }>('read/auth/user-by-name', { name });
    if (!row) {
      await burnPasswordCheck(password);
      throw new AuthError('wrong user name or password');
    }
    if (!(await verifyPassword(row.passwordHash, password))) throw new AuthError('wrong user name or password');
    const secret = newSecret('cgs');
    const now = this.now();
    await this.store.transaction(async (tx) => {
      await tx.run('write/auth/delete-expired-sessions', { now: now.toISOString() });
      await tx.run('write/auth/create-session', {
        id: newId('session'),
        tokenHash: hashSecret(secret),
        userId: row.id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      });
    });
    const { passwordHash: _, ...user } = row;
    return { secret, user };
  }

  async signOut(sessionSecret: string): Promise<void> {
    await this.store.run('write/auth/delete-session', { tokenHash: hashSecret(sessionSecret) });
  }

  async principalForSession(sessionSecret: string): Promise<Principal | null> {
    const [row] = await this.store.run<{ name: string; role: string }>('read/auth/session', {
      tokenHash: hashSecret(sessionSecret),
      now: this.now().toISOString(),
    });
    return row && isRole(row.role) ? { kind: 'user', name: row.name, role: row.role } : null;
  }

  async principalForToken(token: string): Promise<Principal | null> {
    const [row] = await this.store.run<{ name: string; role: string }>('read/auth/api-token', { tokenHash: hashSecret(token) });
    return row && isRole(row.role) ? { kind: 'token', name: `token:${row.name}`, role: row.role } : null;
  }

  /** A new API token: the secret is returned once and only its SHA-256 is stored. */
  async createApiToken(name: string, role: string, createdBy: string): Promise<{ token: string; info: ApiTokenInfo }> {
    if (!USER_NAME.test(name)) throw new ValidationError(`token name '${name.slice(0, 80)}' must be 1–64 letters, digits or _ . @ -`, 'name');
    checkRole(role);
    const token = newSecret('cgt');
    const [info] = await this.store.run<ApiTokenInfo>('write/auth/create-api-token', {
      id: newId('token'),
      name,
      role,
      tokenHash: hashSecret(token),
      createdBy,
      createdAt: this.now().toISOString(),
    });
    return { token, info: info! };
  }

  listApiTokens(): Promise<ApiTokenInfo[]> {
    return this.store.run<ApiTokenInfo>('read/auth/api-tokens');
  }

  async revokeApiToken(id: string): Promise<ApiTokenInfo> {
    const [info] = await this.store.run<ApiTokenInfo>('write/auth/revoke-api-token', { id, revokedAt: this.now().toISOString() });
    if (!info) throw new ValidationError(`no API token with id '${id.slice(0, 80)}'`, 'id');
    return info;
  }
}
