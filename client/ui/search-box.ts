import { search, type SearchHit } from '../api.ts';
import { t, tMaybe } from '../i18n.ts';
import { debounce } from '../state/debounce.ts';
import { errorText, h } from './dom.ts';

/** Suggestions appear this long after the last keystroke. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * Search with suggestions as a combobox: ArrowUp/Down move, Enter picks,
 * Escape closes. Responses that arrive after a newer keystroke are dropped.
 */
export function createSearchBox(input: HTMLInputElement, list: HTMLUListElement, onPick: (hit: SearchHit) => void): { refreshTexts(): void } {
  let hits: SearchHit[] = [];
  let active = -1;
  let seq = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const pick = (hit: SearchHit) => {
    close();
    input.value = hit.name;
    onPick(hit);
  };
  const renderHits = () => {
    list.replaceChildren(
      ...(hits.length === 0
        ? [h('li', { className: 'hint', role: 'option', 'aria-disabled': 'true' }, t('noSuggestions'))]
        : hits.map((hit, i) =>
            h(
              'li',
              {
                id: `search-opt-${i}`,
                role: 'option',
                'aria-selected': i === active ? 'true' : 'false',
                'data-id': hit.id,
                onmousedown: (e: Event) => (e.preventDefault(), pick(hit)),
              },
              h(
                'span',
                {},
                hit.name,
                hit.alias ? h('small', { className: 'alias' }, ` (${t('alsoCalled', { name: hit.alias })})`) : null,
                hit.context ? h('small', { className: 'hint' }, ` · ${hit.context}`) : null,
              ),
              h('span', { className: 'kind' }, tMaybe(`kind.${hit.kind}`, hit.kind)),
            ),
          )),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-opt-${active}`);
  };
  const run = debounce(async (text: string) => {
    const mine = ++seq;
    try {
      const result = await search(text);
      if (mine !== seq) return;
      hits = result;
      active = -1;
      renderHits();
    } catch (e) {
      if (mine !== seq) return;
      list.replaceChildren(h('li', { className: 'error', role: 'option', 'aria-disabled': 'true' }, errorText(e)));
      list.hidden = false;
    }
  }, SEARCH_DEBOUNCE_MS);

  input.addEventListener('input', () => {
    const text = input.value.trim();
    if (!text) {
      run.cancel();
      seq++;
      close();
      return;
    }
    list.replaceChildren(h('li', { className: 'loading', role: 'option', 'aria-disabled': 'true' }, t('loading')));
    list.hidden = false;
    run(text);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') return close();
    if (list.hidden || hits.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      renderHits();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[active >= 0 ? active : 0];
      if (hit) pick(hit);
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));

  return {
    refreshTexts() {
      input.placeholder = t('searchPlaceholder');
      input.setAttribute('aria-label', t('search'));
    },
  };
}
