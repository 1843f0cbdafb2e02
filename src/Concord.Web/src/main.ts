import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import './styles.css';
import { ApiError, currentSession, loadSession, onSessionExpired, setSession, signIn, signOut } from './api';
import { forgetDirectory } from './directory';
import { h, replace } from './dom';
import { dateStyle, setDateStyle, type DateStyle } from './format';
import { currentLang, setLang, t, type Lang } from './i18n';
import { showInbox } from './views/inbox';
import { showSearch } from './views/search';
import { showObject } from './views/object';
import { showCompose } from './views/compose';
import { showChannels } from './views/channels';
import { showOps } from './views/ops';
import { navigate } from './router';

import type { Cleanup } from './router';
type View = (root: HTMLElement, arg: string | undefined, params: URLSearchParams) => Cleanup | Promise<Cleanup>;

const routes: Record<string, View> = {
  inbox: showInbox,
  search: showSearch,
  object: showObject,
  compose: showCompose,
  channels: showChannels,
  map: async (root) => (await import('./views/map')).showMap(root),
  graph: async (root, arg) => (await import('./views/graph')).showGraph(root, arg),
  ops: showOps,
};

const app = document.getElementById('app')!;
let cleanup: Cleanup;
let main: HTMLElement | null = null;


function header(): HTMLElement {
  const session = currentSession()!;
  const nav = (route: string) => h('a', { href: `#/${route}`, 'data-route': route }, t(`nav.${route}`));
  const lang = h('select', { 'aria-label': t('settings.language'), id: 'lang', onchange: (e: Event) => { setLang((e.target as HTMLSelectElement).value as Lang); layout(); } },
    h('option', { value: 'en', selected: currentLang() === 'en' }, 'English'),
    h('option', { value: 'ru', selected: currentLang() === 'ru' }, 'Русский'));
  const dates = h('select', { 'aria-label': t('settings.dates'), id: 'dates', onchange: (e: Event) => { setDateStyle((e.target as HTMLSelectElement).value as DateStyle); void render(); } },
    (['iso', 'day-month', 'numeric'] as DateStyle[]).map((s) => h('option', { value: s, selected: dateStyle() === s }, t(`settings.dates.${s}`))));
  return h('header', { class: 'top' },
    h('span', { class: 'brand' }, 'Concord'),
    h('nav', null, nav('inbox'), nav('search'), nav('compose'), nav('channels'), nav('map'), nav('ops')),
    h('span', { class: 'who', title: session.member }, session.party_name ?? session.party, ' · ', session.member),
    lang, dates,
    h('button', { type: 'button', id: 'sign-out', onclick: async () => { await signOut(); forgetDirectory(); showSignIn(); } }, t('session.signOut')));
}

function layout(): void {
  main = h('main', { id: 'view' });
  replace(app, header(), main);
  void render();
}

async function render(): Promise<void> {
  if (!main || !currentSession()) return;
  if (typeof cleanup === 'function') cleanup();
  cleanup = undefined;
  const [path, search] = (location.hash.replace(/^#\/?/, '') || 'inbox').split('?');
  const [route, ...rest] = path.split('/');
  const view = routes[route] ?? showInbox;
  for (const link of app.querySelectorAll<HTMLAnchorElement>('header nav a')) link.classList.toggle('active', link.dataset.route === route);
  const root = h('section', { class: `view view-${route}` });
  replace(main, root);
  try {
    cleanup = await view(root, rest.length ? decodeURIComponent(rest.join('/')) : undefined, new URLSearchParams(search ?? ''));
  } catch (error) {
    replace(root, h('p', { class: 'error' }, error instanceof ApiError ? error.message : String(error)));
  }
}

function signInForm(onDone: () => void, expired: boolean): HTMLElement {
  const key = h('input', { type: 'password', id: 'api-key', name: 'api_key', autocomplete: 'off', required: true, placeholder: 'concord_…', 'aria-describedby': 'sign-in-error' });
  const error = h('p', { class: 'field-error', id: 'sign-in-error', role: 'alert' });
  const form = h('form', { class: 'sign-in', onsubmit: async (e: Event) => {
    e.preventDefault();
    error.textContent = '';
    if (!key.value.trim()) { error.textContent = t('session.keyRequired'); return; }
    try {
      await signIn(key.value.trim());
      key.value = '';
      onDone();
    } catch (err) {
      error.textContent = err instanceof ApiError ? err.message : String(err);
    }
  } },
  h('h1', null, 'Concord'),
  h('p', null, expired ? t('session.expired') : t('session.intro')),
  h('label', { for: 'api-key' }, t('session.key')), key, error,
  h('button', { type: 'submit', id: 'sign-in' }, t('session.signIn')),
  h('p', { class: 'hint' }, t('session.keyNotKept')));
  setTimeout(() => key.focus(), 0);
  return form;
}

function showSignIn(): void {
  main = null;
  replace(app, signInForm(() => layout(), false));
}

// A session that ends mid-work: sign in over the current view, then carry on with what was being done.
onSessionExpired(() => new Promise<void>((resolve) => {
  const overlay = h('div', { class: 'overlay', id: 'reauth' });
  overlay.appendChild(signInForm(() => { overlay.remove(); resolve(); }, true));
  document.body.appendChild(overlay);
}));

document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
    e.preventDefault();
    navigate('#/search');
  }
});

window.addEventListener('hashchange', () => void render());
window.addEventListener('concord:rerender', () => void render());
setLang(currentLang());

void (async () => {
  try {
    setSession(await loadSession());
  } catch {
    setSession(null);
  }
  if (currentSession()) layout();
  else showSignIn();
})();
