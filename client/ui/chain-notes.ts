import type { FeedsCycle, GapAnalysis } from '../api.ts';
import { getLang, t } from '../i18n.ts';
import { h } from './dom.ts';

/**
 * Notes under the legend that gap counts alone would hide: 链条空白 (a chain with
 * no local enterprise has no gaps, yet everything is to do; with the segments
 * where entry is easiest) and FEEDS cycles (upstream and downstream then name
 * the same segments).
 */
export function renderChainNotes(analysis: GapAnalysis | null, cycles: readonly FeedsCycle[]): Node[] {
  const en = getLang() === 'en';
  const notes: Node[] = [];
  for (const c of analysis?.emptyChains ?? []) {
    notes.push(
      h(
        'div',
        { className: 'note empty-chain', 'data-testid': 'empty-chain', role: 'note' },
        h('strong', {}, `${t('emptyChain')}: ${en && c.nameEn ? c.nameEn : c.name}`),
        h('p', {}, en ? c.reasonEn : c.reasonZh),
        h('div', { className: 'hint' }, t('entrySegments')),
        h(
          'ul',
          {},
          c.entrySegments.map((s) => h('li', {}, `${s.name}: ${en ? s.reasonEn : s.reasonZh}`)),
        ),
      ),
    );
  }
  for (const c of cycles) {
    notes.push(
      h(
        'div',
        { className: 'note feeds-cycle', 'data-testid': 'feeds-cycle', role: 'alert' },
        h('strong', {}, t('feedsCycle')),
        h('p', {}, en ? c.messageEn : c.messageZh),
      ),
    );
  }
  return notes;
}
