import { t } from '../i18n.ts';
import { ApiError } from '../api.ts';

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

/** Creates an element; `on*` attributes given functions become listeners, `false`/null attributes are skipped. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'className') el.className = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** A visible "示例数据" badge for records with origin 'sample'. */
export function sampleBadge(origin: unknown): HTMLElement | null {
  if (origin !== 'sample') return null;
  return h('span', { className: 'badge sample', title: t('sampleBadgeTitle'), 'data-testid': 'sample-badge' }, t('sampleBadge'));
}

/** The message shown for a failed request; GraphQL "Cannot query field" means the API has not landed yet. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const missing = /Cannot query field "(\w+)"/.exec(message);
  if (error instanceof ApiError && missing) return t('notAvailable', { what: missing[1]! });
  return t('loadFailed', { msg: message });
}

/**
 * Shows a loading line in `container`, then the rendered result, or the error
 * in place with a retry button. Returns false when a newer call for the same
 * container started meanwhile (its result is dropped).
 */
export async function loadInto<T>(container: HTMLElement, load: () => Promise<T>, render: (data: T) => Node | Node[]): Promise<boolean> {
  const token = Symbol();
  (container as unknown as { _token: symbol })._token = token;
  container.setAttribute('aria-busy', 'true');
  container.replaceChildren(h('p', { className: 'loading', role: 'status' }, t('loading')));
  try {
    const data = await load();
    if ((container as unknown as { _token: symbol })._token !== token) return false;
    const out = render(data);
    container.replaceChildren(...(Array.isArray(out) ? out : [out]));
    return true;
  } catch (e) {
    if ((container as unknown as { _token: symbol })._token !== token) return false;
    container.replaceChildren(
      h('p', { className: 'error', role: 'alert' }, errorText(e)),
      h('button', { type: 'button', onclick: () => void loadInto(container, load, render) }, t('retry')),
    );
    return false;
  } finally {
    if ((container as unknown as { _token: symbol })._token === token) container.removeAttribute('aria-busy');
  }
}

/** Saves bytes or text as a download. */
export function download(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Formats 万元 as 亿元 above 1 亿, in the current language's words. */
export function formatOutput(wan: unknown): string {
  if (typeof wan !== 'number' || !Number.isFinite(wan)) return t('outputUnknown'); // unknown is not zero, and says so
  return wan >= 10_000 ? `${(wan / 10_000).toFixed(2)} ${t('hundredMillionYuan')}` : `${Math.round(wan)} ${t('tenThousandYuan')}`;
}
