// A project: its idea and answers, and the five documents in generation order, watched live.
import {el, replace, announce, relativeTime, formatTime, spinner, keepingFocus} from './dom.js';
import {get, post} from './api.js';
import {describe} from './messages.js';
import {TYPES, humanTitle} from './schema.js';
import {stateOf, stateBadge, failureText, staleOn, staleSentence, hasContent} from './states.js';
import {projectExports} from './exports.js';

export function projectView(main, {projectId}, ctx) {
  let project = null;
  let byType = new Map();
  let loads = 0;
  let pending = null;
  let starting = false;

  const head = el('div', {class: 'project-head'});
  const error = el('p', {class: 'error', testid: 'error', hidden: true, attrs: {role: 'alert'}});
  const notice = el('p', {class: 'flash', hidden: true, attrs: {role: 'status'}});
  const generate = el('button', {type: 'button', class: 'primary', testid: 'generate', onClick: start});
  const live = el('span', {class: 'live'});
  const cards = el('div', {class: 'cards'});
  const flash = ctx.takeFlash();
  replace(main, el('div', {class: 'project-page'},
    el('nav', {class: 'crumbs', attrs: {'aria-label': 'Breadcrumb'}}, el('ol', {},
      el('li', {}, el('a', {href: '#/', text: 'Projects'})),
      el('li', {}, el('span', {attrs: {'aria-current': 'page'}, text: 'This project'})))),
    flash ? el('p', {class: 'flash', attrs: {role: 'status'}, text: flash}) : null,
    head,
    el('div', {class: 'project-actions'}, generate, live, projectExports(projectId)),
    error, notice,
    el('h2', {class: 'section-label', text: 'Documents'}),
    cards));
  replace(head, el('p', {class: 'loading'}, spinner('Opening the project…')));
  showLive(ctx.live.state);
  renderCards();

  const unsubscribe = ctx.live.subscribe(message => {
    if (message.type === 'state') showLive(message.state);
    if (message.type === 'connected') refresh();
    if (message.type !== 'event') return;
    if (message.event.kind === 'section_draft') renderCards();
    else scheduleRefresh();
  });
  load();
  return () => { unsubscribe(); window.clearTimeout(pending); };

  async function load() {
    try {
      project = (await get(`/api/projects/${encodeURIComponent(projectId)}`)).data;
      renderHead();
      await refresh();
    } catch (failure) {
      replace(head);
      showError(failure);
    }
  }

  /** Events come in bursts (status, then content): one read of the list answers a burst. */
  function scheduleRefresh() {
    window.clearTimeout(pending);
    pending = window.setTimeout(refresh, 80);
  }

  async function refresh() {
    const mine = ++loads;
    try {
      const reply = await get(`/api/artifacts/project/${encodeURIComponent(projectId)}`);
      if (mine !== loads) return;
      const before = new Map([...byType].map(([t, a]) => [t, stateOf(a)]));
      byType = new Map(reply.data.map(a => [a.artifact_type, a]));
      renderCards();
      for (const {type, title} of TYPES) {
        const now = stateOf(byType.get(type));
        if (before.get(type) === 'generating' && now !== 'generating') {
          announce(now === 'failed' ? `${title} failed.` : `${title} is written.`);
        }
      }
    } catch (failure) {
      showError(failure);
    }
  }

  function showError(failure) {
    error.textContent = describe(failure);
    error.hidden = false;
  }

  function renderHead() {
    document.title = `${project.name} · Artifact Pipeline`;
    main.querySelector('.crumbs [aria-current]').textContent = project.name;
    const answers = Object.entries(project.answers || {});
    replace(head,
      el('h1', {text: project.name}),
      el('p', {class: 'idea', text: project.idea}),
      answers.length ? el('details', {class: 'answers'},
        el('summary', {text: `Your answers (${answers.length})`}),
        el('dl', {}, answers.map(([question, answer]) => [el('dt', {text: question}), el('dd', {text: answer})]))) : null,
      el('p', {class: 'muted small', text: `Created ${formatTime(project.created_at)}`}));
  }

  function showLive(state) {
    live.className = `live live-${state}`;
    live.textContent = state === 'live' ? 'Live' : state === 'reconnecting' ? 'Reconnecting…' : 'Connecting…';
    live.title = state === 'live' ? 'Changes appear here as they happen' : 'The live connection dropped; trying again';
  }

  function renderGenerateButton() {
    const states = TYPES.map(({type}) => stateOf(byType.get(type)));
    const anyStale = TYPES.some(({type}) => byType.get(type)?.stale);
    const busy = starting || states.includes('generating');
    generate.disabled = busy || (states.every(s => s === 'idle') && !anyStale);
    if (busy) {
      replace(generate, spinner('Writing…'));
    } else if (states.every(s => s === 'not_written')) {
      generate.textContent = 'Write the documents';
    } else if (states.some(s => s !== 'idle')) {
      generate.textContent = 'Write what’s missing';
    } else if (anyStale) {
      generate.textContent = 'Bring out-of-date documents up to date';
    } else {
      generate.textContent = 'All five are written';
    }
  }

  async function start() {
    error.hidden = true;
    notice.hidden = true;
    starting = true;
    renderGenerateButton();
    try {
      const reply = await post('/api/artifacts/generate', {project_id: projectId});
      if (reply.status === 200) {
        notice.textContent = 'Everything is already written and up to date.';
        notice.hidden = false;
      } else {
        announce(`Writing ${reply.data.artifact_count} document${reply.data.artifact_count === 1 ? '' : 's'}.`);
      }
    } catch (failure) {
      showError(failure);
    } finally {
      starting = false;
    }
    await refresh();
  }

  function renderCards() {
    renderGenerateButton();
    keepingFocus(cards, () => replace(cards, TYPES.map((info, index) => card(info, index + 1, byType.get(info.type)))));
  }

  function card(info, position, artifact) {
    const state = stateOf(artifact);
    const stale = !!artifact?.stale && state === 'idle';
    const extra = [];
    if (state === 'failed') {
      const retry = el('button', {type: 'button', class: 'secondary small', text: 'Try again', onClick: start});
      extra.push(el('p', {class: 'card-failure', text: failureText(artifact)}), retry);
    }
    if (stale) {
      const line = el('p', {class: 'card-stale', text: 'Out of date: a document it builds on changed.'});
      staleOn(artifact, byType).then(types => { line.textContent = staleSentence(types); });
      extra.push(line);
    }
    if (state === 'generating') {
      // All five are marked at once; those whose dependencies are still being written are only waiting.
      const waitingOn = info.dependsOn.filter(dependency => stateOf(byType.get(dependency)) === 'generating');
      extra.push(waitingOn.length
        ? el('p', {class: 'draft-line', text: `Starts when ${waitingOn.map(t => `the ${TYPES.find(x => x.type === t).title}`).join(' and ')} ${waitingOn.length === 1 ? 'is' : 'are'} written.`})
        : draftPreview(artifact));
    }
    const open = hasContent(artifact)
      ? el('a', {class: 'card-open', testid: `open-${info.type}`, href: `#/projects/${projectId}/${info.type}`,
        text: 'Open', attrs: {'aria-label': `Open the ${info.title}`}})
      : null;
    return el('article', {
      class: `doc-card state-${state}${stale ? ' is-stale' : ''}`, testid: `doc-${info.type}`,
      dataset: {status: state, stale: String(stale)}},
    el('div', {class: 'card-top'},
      el('span', {class: 'step', attrs: {'aria-hidden': 'true'}, text: String(position)}),
      el('h3', {text: info.title}),
      stateBadge(artifact)),
    el('p', {class: 'about', text: info.about}),
    extra,
    el('div', {class: 'card-foot'},
      open,
      artifact && hasContent(artifact)
        ? el('span', {class: 'muted small', text: `v${artifact.version_number} · ${relativeTime(artifact.updated_at)}`}) : null));
  }

  function draftPreview(artifact) {
    const drafts = ctx.live.draftsOf(artifact.id);
    if (drafts.size === 0) return el('p', {class: 'draft-line', text: 'The model is writing…'});
    const keys = [...drafts.keys()];
    const lastText = [...drafts.values()].reverse().find(v => typeof v === 'string');
    return el('div', {class: 'draft-line'},
      el('p', {text: `Drafted: ${keys.map(humanTitle).join(', ')}`}),
      lastText ? el('p', {class: 'draft-excerpt', text: lastText.length > 180 ? `${lastText.slice(0, 180)}…` : lastText}) : null);
  }
}
