import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { createStore } from '../store/create-store.ts';
import { GRAPH_FILE } from '../store/embedded-store.ts';
import { UserService } from '../auth/user-service.ts';
import { isRole } from '../auth/roles.ts';

const USAGE = `usage: npm run user -- <command> [options] [--data-dir DIR | --store neo4j]
  add NAME --role viewer|editor|admin [--password-stdin]   add a user (asks for the password)
  list                                                     list users
  remove NAME                                              remove a user and end their sessions
  set-role NAME --role viewer|editor|admin                 change a role
  password NAME [--password-stdin]                         set a new password
The data folder is --data-dir, else DATA_DIR, else ./data: give the one the server uses.
The embedded store is locked while the server runs: stop the server first, or add
accounts through the running server (first run: 创建管理员账号 in the UI; later an
admin's createUser mutation).`;

/** Grafeo's refusal to open a file another process holds. */
const LOCKED = /GRAFEO-X001|cannot be locked/i;

function lockedMessage(dataDir: string): string {
  return [
    `the store in ${dataDir} is locked: a server is running on it.`,
    'Stop the server first, then run this command again; or, without stopping it:',
    '  - no users yet: open the UI and click 创建管理员账号 (Create the admin account);',
    '  - as an admin: the createUser mutation (GraphiQL at /graphql).',
  ].join('\n');
}

/** Reads one line: hidden on a terminal, the first line of stdin otherwise. */
async function readPassword(prompt: string, fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new ConfigError('no password on stdin');
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const out = rl as unknown as { _writeToOutput(s: string): void };
      out._writeToOutput = (s: string) => {
        if (s.startsWith(question)) process.stdout.write(question);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask(prompt);
  if ((await ask('Repeat the password: ')) !== first) throw new ConfigError('the two passwords differ');
  return first;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'data-dir': { type: 'string' },
      store: { type: 'string' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [command, name] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const configArgs = ['--no-seed', ...(values['data-dir'] ? ['--data-dir', values['data-dir']] : []), ...(values.store ? ['--store', values.store] : [])];
  const config = loadConfig(configArgs);
  const needName = (what: string) => {
    if (!name) throw new ConfigError(`${what} needs a user name\n${USAGE}`);
    return name;
  };
  if (config.store === 'embedded') {
    // Say where: an account written to the wrong folder is invisible to the server.
    const exists = existsSync(path.join(config.dataDir, GRAPH_FILE));
    console.error(`data folder: ${config.dataDir}${exists ? '' : ' (no store yet: a new one is created; start the server with the same --data-dir)'}`);
  }
  const store = await createStore(config).catch((e: unknown) => {
    if (config.store === 'embedded' && LOCKED.test((e as Error).message)) throw new ConfigError(lockedMessage(config.dataDir));
    throw e;
  });
  try {
    const users = new UserService(store);
    switch (command) {
      case 'add': {
        const user = needName('add');
        if (!isRole(values.role)) throw new ConfigError('add needs --role viewer|editor|admin');
        const password = await readPassword(`Password for ${user}: `, Boolean(values['password-stdin']));
        const created = await users.addUser(user, values.role, password);
        console.log(`added ${created.name} (${created.role})`);
        break;
      }
      case 'list': {
        const list = await users.listUsers();
        if (list.length === 0) console.log('no users (anonymous visitors may read; nobody may write)');
        for (const u of list) console.log(`${u.name}\t${u.role}\t${u.createdAt}`);
        break;
      }
      case 'remove': {
        const user = needName('remove');
        console.log((await users.removeUser(user)) ? `removed ${user}` : `no user named ${user}`);
        break;
      }
      case 'set-role': {
        const user = needName('set-role');
        if (!values.role) throw new ConfigError('set-role needs --role viewer|editor|admin');
        const updated = await users.setRole(user, values.role);
        console.log(`${updated.name} is now ${updated.role}`);
        break;
      }
      case 'password': {
        const user = needName('password');
        await users.setPassword(user, await readPassword(`New password for ${user}: `, Boolean(values['password-stdin'])));
        console.log(`password of ${user} changed; their sessions are ended`);
        break;
      }
      default:
        throw new ConfigError(`unknown command '${command}'\n${USAGE}`);
    }
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error(`user: ${(e as Error).message}`);
  process.exit(1);
});
