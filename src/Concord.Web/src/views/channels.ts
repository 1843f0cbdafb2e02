import { get, query } from '../api';
import { listChannels, listParties } from '../directory';
import { h, replace } from '../dom';
import { t } from '../i18n';
import type { SummaryPage } from '../types';
import { summaryRow } from './rows';

/** The channels my party belongs to, their members (shown to members only), and their recent traffic. */
export async function showChannels(root: HTMLElement): Promise<void> {
  const [channels, parties] = await Promise.all([listChannels(), listParties()]);
  const name = (id: string) => parties.find((p) => p.id === id)?.name ?? id;
  replace(root, h('h2', null, t('channels.title')), channels.length ? null : h('p', null, t('channels.none')));
  for (const channel of channels) {
    const traffic = h('ul', { class: 'rows compact' });
    root.appendChild(h('section', { class: 'panel channel', 'data-channel': channel.id },
      h('h3', null, channel.name, h('span', { class: 'muted' }, ` (${channel.id})`)),
      channel.description ? h('p', { dir: 'auto' }, channel.description) : null,
      h('h4', null, t('channels.members', { n: channel.members.length })),
      h('ul', { class: 'members' }, channel.members.map((m) => h('li', null, name(m), h('span', { class: 'muted' }, ` ${m}`)))),
      h('h4', null, t('channels.traffic')), traffic,
      h('a', { href: `#/inbox?channel=${encodeURIComponent(channel.id)}` }, t('channels.allTraffic'))));
    void get<SummaryPage>(`/api/search${query({ channel: channel.id, limit: 5 })}`).then((page) => {
      replace(traffic, page.items.length ? page.items.map((i) => summaryRow(i)) : h('li', { class: 'muted' }, t('channels.quiet')));
    });
  }
}
