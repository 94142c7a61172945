// The workspace: a hash router over the views, the account bar, and one live event stream for the
// project being looked at (shared by its page, its documents and their history).
import {el, replace} from './dom.js';
import {whenUnauthorized} from './api.js';
import {tierLabel} from './schema.js';
import {token, signOut, takeTokenFromAddress, identity} from './session.js';
import {LiveProject} from './events.js';
import {signInView} from './signin.js';
import {projectsView} from './projects.js';
import {projectView} from './project.js';
import {documentView} from './document.js';
import {historyView} from './history.js';

const main = document.getElementById('main');
const account = document.getElementById('account');
const ROUTES = [
  [/^#\/projects\/([0-9a-fA-F-]{36})\/([a-z_]+)\/history$/, historyView, m => ({projectId: m[1], type: m[2]})],
  [/^#\/projects\/([0-9a-fA-F-]{36})\/([a-z_]+)$/, documentView, m => ({projectId: m[1], type: m[2]})],
  [/^#\/projects\/([0-9a-fA-F-]{36})$/, projectView, m => ({projectId: m[1]})],
  [/^#\/?$/, projectsView, () => ({})],
];

let dispose = () => {};
let live = null;
let flash = null;
let returnTo = null; // where a founder who followed a link before signing in was going

const ctx = {
  afterSignIn: () => { const hash = returnTo || '#/'; returnTo = null; return hash; },
  navigate: hash => {
    if (window.location.hash === hash) route();
    else window.location.hash = hash;
  },
  setFlash: message => { flash = message; },
  takeFlash: () => { const message = flash; flash = null; return message; },
  get live() { return live; },
};

whenUnauthorized(error => {
  if (!token()) return;
  signOut();
  flash = signedOutMessage(error);
  ctx.navigate('#/signin');
});

function route() {
  dispose();
  dispose = () => {};
  takeTokenFromAddress(); // also when the page is already open and only the hash changed
  const hash = window.location.hash || '#/';
  renderAccount();
  if (!token()) {
    stopLive();
    if (hash !== '#/signin' && hash !== '#/') returnTo = hash;
    dispose = signInView(main, {}, ctx) || (() => {});
    return;
  }
  if (hash === '#/signin') {
    ctx.navigate('#/');
    return;
  }
  for (const [pattern, view, params] of ROUTES) {
    const match = hash.match(pattern);
    if (match) {
      const values = params(match);
      followProject(values.projectId);
      dispose = view(main, values, ctx) || (() => {});
      main.focus({preventScroll: true});
      window.scrollTo(0, 0);
      return;
    }
  }
  stopLive();
  replace(main, el('div', {class: 'empty'},
    el('h1', {text: 'Nothing here'}),
    el('p', {text: 'This address does not lead to a page of the workspace.'}),
    el('a', {class: 'button-link', href: '#/', text: 'Go to your projects'})));
}

function signedOutMessage(error) {
  const detail = (error?.problem?.detail || '').trim();
  return `You were signed out because your sign-in is no longer valid${detail ? ` (${detail})` : ''}. Please sign in again.`;
}

/** Keeps one event stream open while the founder stays within one project. */
function followProject(projectId) {
  if (!projectId) { stopLive(); return; }
  if (live && live.projectId === projectId) return;
  stopLive();
  live = new LiveProject(projectId, {
    onUnauthorized: error => { signOut(); flash = signedOutMessage(error); ctx.navigate('#/signin'); },
    onGone: () => {},
  });
}

function stopLive() {
  live?.stop();
  live = null;
}

function renderAccount() {
  const who = token() ? identity() : null;
  account.hidden = !who;
  if (!who) { replace(account); return; }
  replace(account,
    el('span', {class: 'who'},
      el('span', {class: 'who-name', text: who.user || 'Signed in'}),
      who.tier ? el('span', {class: 'who-tier', text: tierLabel(who.tier)}) : null),
    el('button', {type: 'button', class: 'quiet small', text: 'Sign out', onClick: () => {
      signOut();
      flash = null;
      ctx.navigate('#/signin');
    }}));
}

window.addEventListener('hashchange', route);
// A page kept in the back/forward cache must not hold its event stream open: a browser allows only a
// few connections per server, and frozen pages would use them up. Coming back re-opens it.
window.addEventListener('pagehide', () => stopLive());
window.addEventListener('pageshow', event => { if (event.persisted) route(); });
route();
