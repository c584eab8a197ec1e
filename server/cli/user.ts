import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { createStore } from '../store/create-store.ts';
import { UserService } from '../auth/user-service.ts';
import { isRole } from '../auth/roles.ts';

const USAGE = `usage: npm run user -- <command> [options] [--data-dir DIR | --store neo4j]
  add NAME --role viewer|editor|admin [--password-stdin]   add a user (asks for the password)
  list                                                     list users
  remove NAME                                              remove a user and end their sessions
  set-role NAME --role viewer|editor|admin                 change a role
  password NAME [--password-stdin]                         set a new password
The embedded store is locked while the server runs: stop the server first.`;

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
  const store = await createStore(config);
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
