import type { Config } from '../config.ts';
import type { Store } from '../store/store.ts';
import { UserService } from './user-service.ts';

/** Tells the operator at start who may do what, and how to create the first admin on a fresh install. */
export async function printAccessHint(
  store: Store,
  config: Pick<Config, 'store' | 'dataDir' | 'security'>,
  log: (line: string) => void = console.log,
): Promise<void> {
  const { auth } = config.security;
  if (auth.mode !== 'enabled') {
    log('WARNING: access control is OFF: every request may read and write.');
    return;
  }
  const users = await new UserService(store).userCount();
  if (users === 0) {
    const dataDir = config.store === 'embedded' ? ` -- --data-dir ${config.dataDir}` : ' --';
    log(
      [
        'No users yet: anyone may READ (demo); writing needs a signed-in editor.',
        'Create the first admin now: open the UI and click 创建管理员账号 (Create the admin account),',
        'or stop the server (the embedded store locks its file) and run:',
        `  npm run user${dataDir} add admin --role admin`,
      ].join('\n'),
    );
  } else if (auth.open) {
    log(`Open mode: anyone may read without signing in; ${users} user(s) may sign in to write.`);
  } else {
    log(`${users} user(s); sign-in required.`);
  }
}
