import en from './i18n/en.json';
import ru from './i18n/ru.json';

// Every string of the interface lives in the resource files; a missing Russian string falls back to English.
export type Lang = 'en' | 'ru';
type Strings = Record<string, string>;

const resources: Record<Lang, Strings> = { en, ru };
let lang: Lang = (localStorage.getItem('concord.lang') as Lang | null) ?? (navigator.language.startsWith('ru') ? 'ru' : 'en');
if (!(lang in resources)) lang = 'en';

export function currentLang(): Lang {
  return lang;
}

export function setLang(value: Lang): void {
  lang = value;
  localStorage.setItem('concord.lang', value);
  document.documentElement.lang = value;
}

export function t(key: string, vars?: Record<string, string | number>): string {
  let text = resources[lang][key] ?? resources.en[key] ?? key;
  if (vars) {
    for (const [name, value] of Object.entries(vars)) text = text.split(`{${name}}`).join(String(value));
  }
  return text;
}

/** A string that may be absent from the resources (e.g. a STIX vocabulary value): shown as given if so. */
export function tOr(key: string, fallback: string): string {
  return resources[lang][key] ?? resources.en[key] ?? fallback;
}
