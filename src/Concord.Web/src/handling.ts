import { h } from './dom';
import { t } from './i18n';

// TLP 2.0 badges in FIRST's official colours: coloured text on black.
const tlpColours: Record<string, string> = {
  clear: '#FFFFFF',
  green: '#33FF00',
  amber: '#FFC000',
  'amber+strict': '#FFC000',
  red: '#FF2B2B',
};

export function tlpBadge(tlp: string | null | undefined): HTMLElement {
  const level = tlp ?? 'unmarked';
  const colour = tlpColours[level] ?? '#BBBBBB';
  return h('span', { class: 'tlp', 'data-tlp': level, style: `color:${colour};background:#000`, title: t(`tlp.${level}.words`) }, tlp ? `TLP:${tlp.toUpperCase()}` : t('tlp.unmarked'));
}

export function caveatChips(caveats: string[]): HTMLElement {
  return h('span', { class: 'caveats' }, caveats.map((c) => h('span', { class: 'caveat', title: t(`caveat.${c}.words`) }, c)));
}

export function gradingText(grading: string | null | undefined): string {
  if (!grading) return '';
  return `${grading} — ${t(`grading.${grading[0]}`)}, ${t(`grading.${grading[1]}`)}`;
}

export function gradingChip(grading: string | null | undefined): HTMLElement | null {
  return grading ? h('span', { class: 'grading', title: gradingText(grading) }, grading) : null;
}
