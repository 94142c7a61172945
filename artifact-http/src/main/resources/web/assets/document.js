// An open document: its sections (readable, editable, with notes), regenerate, history, export, and
// live updates from the project's event stream.
import {el, replace, announce, relativeTime, formatTime, spinner, keepingFocus} from './dom.js';
import {get, post} from './api.js';
import {describe} from './messages.js';
import {TYPES, typeInfo, orderedSections, humanTitle} from './schema.js';
import {stateOf, stateBadge, failureText, staleOn, staleSentence, hasContent} from './states.js';
import {renderValue} from './render.js';
import {sectionBlock} from './section.js';
import {regeneratePanel} from './regenerate.js';
import {documentExports} from './exports.js';

export function documentView(main, {projectId, type}, ctx) {
  const info = typeInfo(type);
  let project = null;
  let artifact = null;
  let etag = null;
  let byType = new Map();
  let blocks = new Map();
  let loads = 0;
  let panelOpen = false;

  const crumbs = el('nav', {class: 'crumbs', attrs: {'aria-label': 'Breadcrumb'}});
  const head = el('header', {class: 'doc-header'});
  const panelSlot = el('div', {class: 'panel-slot'});
  const banner = el('div', {class: 'banner-slot'});
  const drafts = el('div', {class: 'draft-slot'});
  const sections = el('div', {class: 'sections'});
  const error = el('p', {class: 'error', testid: 'error', hidden: true, attrs: {role: 'alert'}});
  const flash = ctx.takeFlash();
  replace(main, el('div', {class: 'document-page'}, crumbs,
    flash ? el('p', {class: 'flash', attrs: {role: 'status'}, text: flash}) : null,
    head, error, panelSlot, banner, drafts, sections));
  renderCrumbs();
  replace(sections, el('p', {class: 'loading'}, spinner('Opening the document…')));

  const doc = {
    artifact: () => artifact,
    etag: () => etag,
    editable: () => stateOf(artifact) !== 'generating',
    saved: (record, tag) => { artifact = record; etag = tag || etag; update(); },
    reload: () => { blocks.forEach(block => block.cancelEditing()); refresh(true); },
  };

  const unsubscribe = ctx.live.subscribe(message => {
    if (message.type === 'connected') refresh(false);
    if (message.type !== 'event' || !artifact || message.event.artifact_id !== artifact.id) return;
    if (message.event.kind === 'section_draft') renderDrafts();
    else refresh(false);
  });
  load();
  return () => unsubscribe();

  async function load() {
    try {
      const [projectReply, listReply] = await Promise.all([
        get(`/api/projects/${encodeURIComponent(projectId)}`),
        get(`/api/artifacts/project/${encodeURIComponent(projectId)}`)]);
      project = projectReply.data;
      byType = new Map(listReply.data.map(a => [a.artifact_type, a]));
      renderCrumbs();
      const found = byType.get(type);
      if (!found) {
        replace(sections, el('div', {class: 'empty'},
          el('p', {text: `The ${info.title} has not been written yet.`}),
          el('a', {class: 'button-link', href: `#/projects/${projectId}`, text: 'Back to the project to write it'})));
        return;
      }
      artifact = found;
      await refresh(false);
    } catch (failure) {
      showError(failure);
    }
  }

  async function refresh(focusTop) {
    if (!artifact) return;
    const mine = ++loads;
    try {
      const reply = await get(`/api/artifacts/${encodeURIComponent(artifact.id)}`);
      if (mine !== loads) return; // a newer read is on its way
      artifact = reply.data;
      etag = reply.headers.get('ETag');
      if (artifact.stale) {
        const list = await get(`/api/artifacts/project/${encodeURIComponent(projectId)}`);
        byType = new Map(list.data.map(a => [a.artifact_type, a]));
      }
      error.hidden = true;
      update();
      if (focusTop) head.querySelector('h1')?.focus();
    } catch (failure) {
      showError(failure);
    }
  }

  function showError(failure) {
    error.textContent = describe(failure);
    error.hidden = false;
    if (!artifact) replace(sections);
  }

  function renderCrumbs() {
    replace(crumbs, el('ol', {},
      el('li', {}, el('a', {href: '#/', text: 'Projects'})),
      el('li', {}, el('a', {href: `#/projects/${projectId}`, text: project ? project.name : 'Project'})),
      el('li', {}, el('span', {attrs: {'aria-current': 'page'}, text: info.title}))));
    document.title = `${info.title}${project ? ` · ${project.name}` : ''} · Artifact Pipeline`;
  }

  function update() {
    renderHead();
    renderBanner();
    renderDrafts();
    renderSections();
  }

  function renderHead() {
    const position = TYPES.findIndex(t => t.type === type) + 1;
    const generating = stateOf(artifact) === 'generating';
    const regenerate = el('button', {type: 'button', class: 'secondary', testid: 'regenerate', text: 'Regenerate',
      disabled: generating || !hasContent(artifact), attrs: {'aria-expanded': String(panelOpen)}, onClick: togglePanel});
    keepingFocus(head, () => replace(head,
      el('div', {class: 'doc-title'},
        el('p', {class: 'eyebrow', text: position > 0 ? `Document ${position} of ${TYPES.length}` : 'Document'}),
        el('h1', {text: info.title, attrs: {tabindex: '-1'}}),
        el('p', {class: 'doc-meta'},
          el('span', {}, 'Version ', el('span', {testid: 'version', text: String(artifact.version_number)})),
          el('span', {class: 'dot', attrs: {'aria-hidden': 'true'}, text: '·'}),
          el('time', {attrs: {datetime: artifact.updated_at, title: formatTime(artifact.updated_at)}, text: `updated ${relativeTime(artifact.updated_at)}`}),
          stateBadge(artifact))),
      el('div', {class: 'doc-actions'},
        regenerate,
        el('a', {class: 'button-link secondary', testid: 'history', href: `#/projects/${projectId}/${type}/history`, text: 'History'})),
      el('div', {class: 'doc-exports'}, documentExports(artifact.id))));
  }

  function togglePanel() {
    if (panelOpen) { closePanel(); return; }
    panelOpen = true;
    const panel = regeneratePanel(artifact, {
      onStarted: () => {
        closePanel();
        artifact = {...artifact, generation_status: 'generating'};
        update();
        announce(`Regenerating the ${info.title}.`);
      },
      onClose: closePanel,
    });
    replace(panelSlot, panel.node);
    renderHead();
    panel.focus();
  }

  function closePanel() {
    panelOpen = false;
    replace(panelSlot);
    renderHead();
    head.querySelector('[data-testid="regenerate"]')?.focus();
  }

  function renderBanner() {
    const state = stateOf(artifact);
    if (state === 'generating') {
      replace(banner, el('div', {class: 'banner banner-generating'}, spinner(hasContent(artifact)
        ? `Rewriting the ${info.title}… The current version stays readable until the new one is ready.`
        : `Writing the ${info.title}…`)));
    } else if (state === 'failed') {
      const retry = el('button', {type: 'button', class: 'secondary small', text: 'Try again', onClick: async () => {
        retry.disabled = true;
        try {
          await post('/api/artifacts/generate', {project_id: projectId});
          refresh(false);
        } catch (failure) {
          showError(failure);
          retry.disabled = false;
        }
      }});
      replace(banner, el('div', {class: 'banner banner-failed', attrs: {role: 'alert'}},
        el('p', {text: failureText(artifact)}), retry));
    } else if (artifact.stale) {
      const text = el('p', {text: 'Out of date: a document it builds on changed after this was written.'});
      replace(banner, el('div', {class: 'banner banner-stale'}, text,
        el('p', {class: 'muted', text: 'Regenerate it to bring it up to date.'})));
      staleOn(artifact, byType).then(types => { text.textContent = staleSentence(types); });
    } else {
      replace(banner);
    }
  }

  function renderDrafts() {
    const pending = ctx.live.draftsOf(artifact?.id);
    if (!artifact || stateOf(artifact) !== 'generating' || pending.size === 0) {
      replace(drafts);
      return;
    }
    replace(drafts, el('section', {class: 'drafts', attrs: {'aria-label': 'Draft, still being written'}},
      el('p', {class: 'eyebrow', text: 'Draft, still being written'}),
      [...pending.entries()].map(([key, value]) => el('div', {class: 'draft-section'},
        el('h3', {text: humanTitle(key)}), renderValue(key, value)))));
  }

  function renderSections() {
    const keys = orderedSections(type, artifact.current_content);
    if (keys.length === 0) {
      blocks = new Map();
      replace(sections, stateOf(artifact) === 'generating' ? null
        : el('p', {class: 'empty', text: 'This document has no content yet.'}));
      return;
    }
    const next = new Map();
    for (const key of keys) {
      const block = blocks.get(key) || sectionBlock(key, doc);
      block.update();
      next.set(key, block);
    }
    blocks = next;
    const nodes = [...next.values()].map(block => block.node);
    if (nodes.length !== sections.children.length || nodes.some((node, i) => sections.children[i] !== node)) {
      replace(sections, nodes);
    }
  }
}
