// Sign in: "Sign in as" in development auth (POST /dev/token), otherwise a bearer token pasted here or
// handed over as #token=... in the address.
import {el, replace, uid} from './dom.js';
import {call, ApiError} from './api.js';
import {describe} from './messages.js';
import {TIERS} from './schema.js';
import {signIn} from './session.js';

export function signInView(main, _params, ctx) {
  const message = ctx.takeFlash();
  const slot = el('div', {class: 'signin-forms'});
  document.title = 'Sign in · Artifact Pipeline';
  replace(main, el('div', {class: 'signin-page'},
    el('section', {class: 'signin-intro'},
      el('p', {class: 'eyebrow', text: 'Artifact Pipeline'}),
      el('h1', {text: 'Your startup’s plan, written with you.'}),
      el('p', {class: 'lead', text: 'Describe the idea once. Get a brief, an MVP scope, milestones, a risk log and how it works — each built on the one before, and yours to edit.'})),
    el('section', {class: 'panel signin-panel', attrs: {'aria-labelledby': 'signin-title'}},
      el('h2', {id: 'signin-title', text: 'Sign in'}),
      message ? el('p', {class: 'error', testid: 'error', attrs: {role: 'alert'}, text: message}) : null,
      slot)));
  // The route answers 405 to a GET where it exists (development auth), and is absent otherwise.
  call('GET', '/dev/token', {anonymous: true})
    .then(() => false, failure => failure instanceof ApiError && failure.status === 405)
    .then(development => replace(slot,
      development ? [devForm(ctx), el('details', {class: 'token-details'}, el('summary', {text: 'Sign in with a token instead'}), tokenForm(ctx))]
        : tokenForm(ctx, true)));
  return () => {};
}

function devForm(ctx) {
  const userId = uid('user');
  const tierId = uid('tier');
  const user = el('input', {id: userId, type: 'text', testid: 'signin-user', required: true, maxLength: 255,
    value: 'founder-1', attrs: {autocomplete: 'username', spellcheck: 'false'}});
  const tier = el('select', {id: tierId, testid: 'signin-tier'},
    TIERS.map(t => el('option', {value: t.value, text: t.label})));
  const error = el('div', {class: 'error', testid: 'error', hidden: true, attrs: {role: 'alert'}});
  const submit = el('button', {type: 'submit', class: 'primary wide', testid: 'signin-submit', text: 'Sign in'});
  return el('form', {class: 'stack', onSubmit: async event => {
    event.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    try {
      const reply = await call('POST', '/dev/token', {anonymous: true, body: {user: user.value.trim(), tier: tier.value}});
      signIn(reply.data.token);
      ctx.navigate(ctx.afterSignIn());
    } catch (failure) {
      const fields = failure.problem?.errors || [];
      error.textContent = failure.status === 422 && fields.length
        ? fields.map(f => `${f.path === 'user' ? 'User id' : 'Plan'} ${f.message}.`).join(' ')
        : failure.status === 403
          ? 'Development sign-in works only in a browser on the server’s own machine. Use a token instead.'
          : describe(failure);
      error.hidden = false;
      user.focus();
    } finally {
      submit.disabled = false;
    }
  }},
  el('p', {class: 'muted', text: 'Development sign-in: this server signs a token for any user id you choose. Each user sees only their own projects.'}),
  el('div', {class: 'field'}, el('label', {for: userId, text: 'Sign in as'}), user),
  el('div', {class: 'field'}, el('label', {for: tierId, text: 'Plan'}), tier,
    el('p', {class: 'hint', text: 'Partner and CTO Scale get more sections in each document.'})),
  error,
  submit);
}

function tokenForm(ctx, only = false) {
  const id = uid('token');
  const input = el('textarea', {id, rows: 4, class: 'code', required: true, attrs: {spellcheck: 'false', autocomplete: 'off'}});
  const error = el('p', {class: 'error', testid: 'error', hidden: true, attrs: {role: 'alert'}});
  const submit = el('button', {type: 'submit', class: only ? 'primary wide' : 'secondary wide', text: 'Use this token'});
  return el('form', {class: 'stack', onSubmit: async event => {
    event.preventDefault();
    error.hidden = true;
    const token = input.value.trim().replace(/^Bearer\s+/i, '');
    if (!token) { error.textContent = 'Paste a token first.'; error.hidden = false; return; }
    submit.disabled = true;
    try {
      await call('GET', '/api/projects?limit=1', {anonymous: true, headers: {Authorization: `Bearer ${token}`}});
      signIn(token);
      ctx.navigate(ctx.afterSignIn());
    } catch (failure) {
      error.textContent = failure.status === 401
        ? `That token was not accepted${failure.problem?.detail ? `: ${failure.problem.detail}` : ''}.`
        : describe(failure);
      error.hidden = false;
    } finally {
      submit.disabled = false;
    }
  }},
  only ? el('p', {class: 'muted', text: 'This server accepts tokens from your identity provider. Paste one here, or open this page with #token=… at the end of the address.'}) : null,
  el('div', {class: 'field'}, el('label', {for: id, text: 'Bearer token'}), input),
  error,
  submit);
}
