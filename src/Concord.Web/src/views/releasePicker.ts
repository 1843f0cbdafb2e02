import { ApiError, send } from '../api';
import { listChannels, listParties } from '../directory';
import { h, replace } from '../dom';
import { t } from '../i18n';

export interface ReleaseChoice {
  channels: string[];
  parties: string[];
}

interface Preview {
  recipients: { party: string; name: string; country: string | null; via: string[] }[];
}

/**
 * Channels (my party's) and parties to release to, and a preview that states exactly which parties will
 * receive it, asked of the node before anything is sent.
 */
export async function releasePicker(initial: ReleaseChoice, ownParty: string, onChange: () => void): Promise<{ element: HTMLElement; value: () => ReleaseChoice; preview: () => Promise<boolean> }> {
  const [channels, parties] = await Promise.all([listChannels(), listParties()]);
  const channelBoxes = channels.map((c) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'channel', value: c.id, checked: initial.channels.includes(c.id), onchange: () => { stale(); onChange(); } }),
    c.name, h('span', { class: 'muted' }, ` (${c.members.length})`)));
  const partyBoxes = parties.filter((p) => p.id !== ownParty).map((p) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'party', value: p.id, checked: initial.parties.includes(p.id), onchange: () => { stale(); onChange(); } }),
    p.name, h('span', { class: 'muted' }, ` ${p.id}`)));
  const result = h('div', { class: 'preview', id: 'release-preview', 'aria-live': 'polite' });
  const value = (): ReleaseChoice => ({
    channels: [...element.querySelectorAll<HTMLInputElement>('input[name=channel]:checked')].map((i) => i.value),
    parties: [...element.querySelectorAll<HTMLInputElement>('input[name=party]:checked')].map((i) => i.value),
  });
  let fresh = false;
  const stale = () => { fresh = false; replace(result, h('p', { class: 'muted' }, t('release.previewFirst'))); };
  const preview = async (): Promise<boolean> => {
    try {
      const answer = await send<Preview>('POST', '/api/releases/preview', value());
      replace(result,
        h('p', { class: 'preview-head' }, answer.recipients.length ? t('release.willReach', { n: answer.recipients.length }) : t('release.nobody')),
        h('ul', { class: 'recipients' }, answer.recipients.map((r) => h('li', { 'data-party': r.party }, h('strong', null, r.name), ` (${r.party}) — `, r.via.map((v) => (v === 'direct' ? t('release.direct') : v)).join(', ')))));
      fresh = true;
      return true;
    } catch (error) {
      replace(result, h('p', { class: 'field-error' }, error instanceof ApiError ? error.message : String(error)));
      return false;
    }
  };
  const element = h('fieldset', { class: 'release' },
    h('legend', null, t('release.title')),
    h('div', { class: 'columns' },
      h('div', null, h('h4', null, t('release.channels')), channelBoxes.length ? channelBoxes : h('p', { class: 'muted' }, t('channels.none'))),
      h('div', { class: 'parties' }, h('h4', null, t('release.parties')), partyBoxes)),
    h('button', { type: 'button', id: 'preview-release', onclick: () => void preview() }, t('release.preview')),
    result);
  stale();
  return { element, value, preview: async () => (fresh ? true : preview()) };
}
