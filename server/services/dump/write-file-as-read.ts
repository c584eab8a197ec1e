import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';

/**
 * Writes `chunks` to `file` as it reads them (backpressure respected), under
 * `<file>.partial` until the last chunk is written, then renamed: a failure part-way
 * removes the partial file, so no half-written file is ever presented as complete.
 */
export async function writeFileAsRead(file: string, chunks: AsyncIterable<string | Uint8Array>): Promise<void> {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true, recursive: true });
  const out = createWriteStream(partial, 'utf8');
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    for await (const chunk of chunks) if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (e) {
    out.destroy();
    rmSync(partial, { force: true });
    throw e;
  }
  renameSync(partial, file);
}
