import { DomainError } from '../../errors.ts';

/**
 * Bounded concurrency and time limits for the expensive operations (exports,
 * imports, deep neighbourhoods, counts over large labels), so that a few of
 * them cannot take the whole server: past the limit a caller waits in a short
 * queue and then gets BUSY; past the time limit it gets TIMEOUT (the engine
 * cannot cancel a running query, so the slot stays taken until the work
 * really ends and the concurrency bound holds).
 */
export class LimitError extends DomainError {
  override name = 'LimitError';
  declare readonly code: 'BUSY' | 'TIMEOUT';
  constructor(
    code: 'BUSY' | 'TIMEOUT',
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

export interface LaneOptions {
  /** Operations of this lane running at once. */
  concurrency: number;
  /** Callers that may wait for a slot; more get BUSY at once. */
  queue: number;
  /** Longest wait for a slot before BUSY. */
  waitMs: number;
  /** Longest an operation may take before its caller gets TIMEOUT (0: none). */
  timeoutMs: number;
}

export const LANES = {
  export: { concurrency: 1, queue: 4, waitMs: 10_000, timeoutMs: 60_000 },
  /** Imports: one at a time, no time limit (a TIMEOUT while a commit goes on would say nothing true). */
  import: { concurrency: 1, queue: 2, waitMs: 5_000, timeoutMs: 0 },
  heavyRead: { concurrency: 2, queue: 8, waitMs: 5_000, timeoutMs: 20_000 },
  /**
   * Neighbourhoods of depth 1–2 (each up to 2000 elements, a few ms of work in
   * memory): many at once wait their turn, one starting per turn of the event
   * loop, so cheap requests (/healthz, the UI's small queries) are answered
   * between them rather than behind all of them.
   */
  explore: { concurrency: 2, queue: 64, waitMs: 10_000, timeoutMs: 20_000 },
} satisfies Record<string, LaneOptions>;

export type LaneName = keyof typeof LANES;

/** The operation, as messages name it. */
export interface Work {
  zh: string;
  en: string;
}

/**
 * Pieces of main-thread work run one per turn of the event loop, in order: each in the loop's check phase
 * (setImmediate), so the loop polls its sockets between any two. Work that never waits on I/O (a walk in
 * memory, then building and encoding its answer) would otherwise run from start to end in one piece, and
 * pieces queued in one turn would run back to back before /healthz or a small query is read.
 */
const turns = { queue: [] as (() => void)[], scheduled: false };

function inLaterTurn(piece: () => void): void {
  turns.queue.push(piece);
  scheduleTurns();
}

function scheduleTurns(): void {
  if (turns.scheduled || turns.queue.length === 0) return;
  turns.scheduled = true;
  setImmediate(() => {
    turns.scheduled = false;
    const piece = turns.queue.shift()!;
    // scheduled from the check phase: the next piece runs in the next turn, after its poll
    scheduleTurns();
    piece();
  });
}

/** Resolves in a later turn of the event loop, one caller a turn (the caller's work then runs as that turn's piece). */
export const nextTurn = (): Promise<void> => new Promise((resolve) => inLaterTurn(resolve));

/**
 * A lane starts at most one operation per turn of the event loop (a piece of the turns above), so the
 * requests that arrive in the same turn do not each run theirs before the loop reads a socket again.
 */
class Lane {
  running = 0;
  private readonly waiting: (() => void)[] = [];
  /** An operation started in this turn of the event loop. */
  private startedThisTurn = false;
  private turnScheduled = false;

  constructor(readonly options: LaneOptions) {}

  async acquire(what: Work): Promise<void> {
    if (this.running < this.options.concurrency && this.waiting.length === 0 && !this.startedThisTurn) {
      this.start();
      return;
    }
    const retry = Math.max(1, Math.ceil(this.options.waitMs / 1000));
    if (this.waiting.length >= this.options.queue) {
      throw new LimitError(
        'BUSY',
        `服务器正忙（${what.zh}：${this.running} 个进行中，${this.waiting.length} 个排队），请 ${retry} 秒后重试 / the server is busy with ${what.en} (${this.running} running, ${this.waiting.length} waiting): retry in ${retry} s`,
        retry,
      );
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(grant), 1);
        reject(
          new LimitError(
            'BUSY',
            `服务器正忙（${what.zh}），等待 ${this.options.waitMs / 1000} 秒仍无空位，请稍后重试 / the server is busy with ${what.en}: no slot within ${this.options.waitMs / 1000} s, retry in ${retry} s`,
            retry,
          ),
        );
      }, this.options.waitMs);
      this.waiting.push(grant);
      this.scheduleTurn();
    });
    // The slot was taken by nextTurn(): `running` already counts it.
  }

  release(): void {
    this.running -= 1;
    if (this.waiting.length > 0) this.scheduleTurn();
  }

  private start(): void {
    this.running += 1;
    this.startedThisTurn = true;
    this.scheduleTurn();
  }

  private scheduleTurn(): void {
    if (this.turnScheduled) return;
    this.turnScheduled = true;
    inLaterTurn(() => this.nextTurn());
  }

  private nextTurn(): void {
    this.turnScheduled = false;
    this.startedThisTurn = false;
    if (this.running < this.options.concurrency && this.waiting.length > 0) {
      this.start();
      this.waiting.shift()!();
    }
  }
}

/** Lanes per store (the server has one; tests open many, which must not share slots). */
const lanes = new WeakMap<object, Map<LaneName, Lane>>();

function lane(store: object, name: LaneName): Lane {
  let byName = lanes.get(store);
  if (!byName) lanes.set(store, (byName = new Map()));
  let l = byName.get(name);
  if (!l) byName.set(name, (l = new Lane(LANES[name])));
  return l;
}

/** How many operations of a lane run now on `store` (for the benchmark and tests). */
export function runningIn(store: object, name: LaneName): number {
  return lanes.get(store)?.get(name)?.running ?? 0;
}

/** What the caller does with the result (an answer built, encoded and written) runs as a piece of its own. */
const answerInTurnOfItsOwn = async <T>(result: T): Promise<T> => {
  await nextTurn();
  return result;
};

/** Runs `work` in the bounds of `store`'s lane; `what` names the operation in BUSY/TIMEOUT messages. */
export async function limitedWork<T>(store: object, name: LaneName, what: Work, work: () => Promise<T>): Promise<T> {
  const l = lane(store, name);
  await l.acquire(what);
  const running = (async () => work())();
  void running.then(
    () => l.release(),
    () => l.release(),
  );
  const { timeoutMs } = l.options;
  if (!timeoutMs) return running.then(answerInTurnOfItsOwn);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new LimitError(
            'TIMEOUT',
            `${what.zh}超过 ${timeoutMs / 1000} 秒未完成，已停止等待；请缩小范围后重试 / ${what.en} took longer than ${timeoutMs / 1000} s: narrow it down and retry`,
            Math.ceil(timeoutMs / 1000),
          ),
        ),
      timeoutMs,
    );
  });
  let result: T;
  try {
    result = await Promise.race([running, late]);
  } finally {
    clearTimeout(timer);
  }
  return answerInTurnOfItsOwn(result);
}
