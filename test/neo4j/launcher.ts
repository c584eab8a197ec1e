import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the launcher (pom.xml + one Java source); Maven's class path and the compiled class are cached in target/. */
const HOME = fileURLToPath(new URL('./', import.meta.url));
const TARGET = path.join(HOME, 'target');
const SOURCE = path.join(HOME, 'src/main/java/chaingraph/Neo4jLauncher.java');
const POM = path.join(HOME, 'pom.xml');
const CLASSPATH_FILE = path.join(TARGET, 'classpath.txt');
const CLASSES = path.join(TARGET, 'classes');

export class Neo4jLaunchError extends Error {
  override name = 'Neo4jLaunchError';
}

export interface Neo4jLaunchOptions {
  port: number;
  /** Where Neo4j keeps its files; a temporary folder (removed on stop) when not given. */
  dataDir?: string;
  password?: string;
  /** JVM heap, e.g. '512m'. */
  heap?: string;
  /**
   * 'test' (default): small heap and page cache, quick-start JIT — the launcher shares 2-core test machines.
   * 'bench': full JIT, 4 GB heap and 2 GB page cache, as a Neo4j server would run, so benchmark figures are fair to Neo4j.
   */
  profile?: Neo4jProfile;
  log?: (line: string) => void;
}

export type Neo4jProfile = 'test' | 'bench';

const JVM: Record<Neo4jProfile, { heap: string; pageCacheMb: number; flags: string[] }> = {
  test: { heap: '768m', pageCacheMb: 128, flags: ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'] },
  bench: { heap: '4g', pageCacheMb: 2048, flags: [] },
};

export interface RunningNeo4j {
  uri: string;
  user: string;
  password: string;
  dataDir: string;
  /** Seconds: preparing (Maven, javac; near 0 once cached) and starting the database. */
  timings: { prepareS: number; startS: number };
  /** Sends SIGTERM and waits for a clean shutdown. */
  stop(): Promise<void>;
  exited: Promise<number | null>;
  /** The Java process, for its peak memory (/proc/PID/status VmHWM). */
  pid: number;
}

/** Why Neo4j cannot run here, or undefined when Java 17+ and Maven are on PATH. */
export function missingTools(): string | undefined {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error) return 'no java on PATH (Neo4j 5.26 needs Java 17: apt-get install -y openjdk-17-jre-headless)';
  const version = /version "(\d+)/.exec(java.stderr)?.[1];
  if (version && Number(version) < 17) return `java ${version} on PATH; Neo4j 5.26 needs Java 17 or newer`;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error) return 'no mvn on PATH (apt-get install -y maven): it fetches the Neo4j jars from Maven Central';
  return undefined;
}

const newer = (file: string, than: string[]) => existsSync(file) && than.every((f) => statSync(f).mtimeMs <= statSync(file).mtimeMs);

function run(cmd: string, args: string[], what: string): void {
  const result = spawnSync(cmd, args, { cwd: HOME, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Neo4jLaunchError(`${what} failed (${cmd} ${args.join(' ')} exited ${result.status}):\n${(result.stdout + result.stderr).slice(-4000)}`);
  }
}

/** Resolves the jars (Maven; the first time it downloads ~210 MB into ~/.m2) and compiles the launcher; cached until pom.xml or the source change. */
export function prepareLauncher(): string {
  mkdirSync(TARGET, { recursive: true });
  if (!newer(CLASSPATH_FILE, [POM])) {
    run('mvn', ['-B', '-q', 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`], 'resolving the Neo4j jars with Maven');
  }
  const classpath = readFileSync(CLASSPATH_FILE, 'utf8').trim();
  const compiled = path.join(CLASSES, 'chaingraph/Neo4jLauncher.class');
  if (!newer(compiled, [SOURCE, CLASSPATH_FILE])) {
    run('javac', ['-d', CLASSES, '-cp', classpath, SOURCE], 'compiling the Neo4j launcher');
  }
  return `${CLASSES}${path.delimiter}${classpath}`;
}

/** Starts Neo4j 5.26 with Bolt on 127.0.0.1:port and auth on; resolves once it accepts connections. */
export async function startNeo4j(options: Neo4jLaunchOptions): Promise<RunningNeo4j> {
  const missing = missingTools();
  if (missing) throw new Neo4jLaunchError(`cannot start Neo4j: ${missing}`);
  const t0 = performance.now();
  const classpath = prepareLauncher();
  const prepareS = (performance.now() - t0) / 1000;
  const temporary = !options.dataDir;
  const dataDir = path.resolve(options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'chain-graph-neo4j-')));
  const password = options.password ?? 'chain-graph-dev';
  // The class path goes through a file: it is longer than some systems allow on a command line.
  const argsFile = path.join(TARGET, 'java-args.txt');
  writeFileSync(argsFile, `-cp ${JSON.stringify(classpath)}\n`);
  const jvm = JVM[options.profile ?? 'test'];
  const child: ChildProcess = spawn(
    'java',
    [
      `-Xmx${options.heap ?? jvm.heap}`,
      ...jvm.flags,
      `@${argsFile}`,
      'chaingraph.Neo4jLauncher',
      String(options.port),
      dataDir,
      password,
      String(jvm.pageCacheMb),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const log = options.log ?? (() => undefined);
  let output = '';
  const t1 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n').filter(Boolean)) log(line);
      if (/^READY .*\n/m.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', (e) => reject(new Neo4jLaunchError(`cannot run java: ${e.message}`)));
    void exited.then((code) =>
      reject(new Neo4jLaunchError(`Neo4j exited with code ${code} before it was ready on port ${options.port}:\n${output.slice(-4000)}`)),
    );
  });
  const startS = (performance.now() - t1) / 1000;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };
  return { uri: `bolt://127.0.0.1:${options.port}`, user: 'neo4j', password, dataDir, timings: { prepareS, startS }, stop, exited, pid: child.pid! };
}
