import { currentLang } from './i18n';

// Dates are always shown in UTC; the member chooses how they are written.
export type DateStyle = 'iso' | 'day-month' | 'numeric';
let style: DateStyle = (localStorage.getItem('concord.dates') as DateStyle | null) ?? 'iso';

export function dateStyle(): DateStyle {
  return style;
}

export function setDateStyle(value: DateStyle): void {
  style = value;
  localStorage.setItem('concord.dates', value);
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  switch (style) {
    case 'day-month': {
      const month = new Intl.DateTimeFormat(currentLang(), { month: 'short', timeZone: 'UTC' }).format(d);
      return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()} ${time} UTC`;
    }
    case 'numeric':
      return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${time} UTC`;
    default:
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${time}Z`;
  }
}

/** A STIX timestamp for now, with milliseconds, in UTC. */
export function stixNow(): string {
  return new Date().toISOString();
}

/** A value for an input of type datetime-local, read as UTC. */
export function toLocalInput(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 16);
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(`${value}:00Z`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
