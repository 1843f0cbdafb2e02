import { h, text } from '../dom';
import { formatDate } from '../format';
import { caveatChips, gradingChip, tlpBadge } from '../handling';
import { t, tOr } from '../i18n';
import type { Summary } from '../types';

/** One object as a row of a list (inbox, search, channel traffic). */
export function summaryRow(item: Summary, extra?: HTMLElement | null): HTMLElement {
  return h('li', { class: `row${item.read === false ? ' unread' : ''}`, 'data-id': item.id, tabindex: 0 },
    h('div', { class: 'row-head' },
      tlpBadge(item.tlp),
      h('span', { class: 'type' }, tOr(`type.${item.type}`, item.type)),
      h('a', { href: `#/object/${encodeURIComponent(item.id)}`, class: 'name', dir: 'auto' }, item.name ?? item.id),
      item.revoked ? h('span', { class: 'revoked' }, t('object.revoked')) : null),
    item.description ? text(item.description, 'p', 'desc') : null,
    h('div', { class: 'row-meta' },
      h('span', { class: 'originator', title: t('row.originator') }, t('row.from', { party: item.originator })),
      item.channels.length ? h('span', { class: 'channels' }, item.channels.map((c) => h('span', { class: 'chip channel' }, c))) : null,
      item.parties.length ? h('span', { class: 'parties' }, item.parties.map((p) => h('span', { class: 'chip party' }, p))) : null,
      caveatChips(item.caveats),
      gradingChip(item.grading),
      h('time', { datetime: item.modified ?? item.added }, formatDate(item.modified ?? item.added)),
      extra ?? null));
}

/** Moves focus between rows with the arrow keys and opens one with Enter. */
export function keyboardList(list: HTMLElement): void {
  list.addEventListener('keydown', (e) => {
    const rows = [...list.querySelectorAll<HTMLElement>('li.row')];
    const index = rows.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'j') { e.preventDefault(); rows[Math.min(index + 1, rows.length - 1)]?.focus(); }
    if (e.key === 'ArrowUp' || e.key === 'k') { e.preventDefault(); rows[Math.max(index - 1, 0)]?.focus(); }
    if (e.key === 'Enter' && index >= 0) { e.preventDefault(); rows[index].querySelector<HTMLAnchorElement>('a.name')?.click(); }
  });
}
