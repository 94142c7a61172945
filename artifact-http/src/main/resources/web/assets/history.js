// A document's history: its revisions (who, when, why), the diff of one against another, and restore.
import {el, replace, formatTime, relativeTime, spinner, uid} from './dom.js';
import {get, post, nextLink} from './api.js';
import {describe} from './messages.js';
import {typeInfo, humanTitle, orderedSections} from './schema.js';
import {identity} from './session.js';
import {renderDiff} from './diff.js';
import {renderValue} from './render.js';

export function historyView(main, {projectId, type}, ctx) {
  const info = typeInfo(type);
  let artifact = null;
  let etag = null;
  let revisions = [];
  let selected = null;
  let against = null;
  let next = null;

  const list = el('ol', {class: 'revisions'});
  const more = el('div', {class: 'more'});
  const compare = el('div', {class: 'compare'});
  const error = el('p', {class: 'error', testid: 'error', hidden: true, attrs: {role: 'alert'}});
  const projectCrumb = el('a', {href: `#/projects/${projectId}`, text: 'Project'});
  document.title = `History of the ${info.title} · Artifact Pipeline`;
  replace(main, el('div', {class: 'history-page'},
    el('nav', {class: 'crumbs', attrs: {'aria-label': 'Breadcrumb'}}, el('ol', {},
      el('li', {}, el('a', {href: '#/', text: 'Projects'})),
      el('li', {}, projectCrumb),
      el('li', {}, el('a', {href: `#/projects/${projectId}/${type}`, text: info.title})),
      el('li', {}, el('span', {attrs: {'aria-current': 'page'}, text: 'History'})))),
    el('h1', {text: `History of the ${info.title}`}),
    el('p', {class: 'muted', text: 'Every version is kept. Choose one to see what changed, and restore it if you want it back.'}),
    error,
    el('div', {class: 'history-layout'},
      el('section', {class: 'revisions-pane', attrs: {'aria-label': 'Revisions'}}, list, more),
      el('section', {class: 'compare-pane', attrs: {'aria-label': 'Comparison'}}, compare))));
  replace(compare, spinner('Reading the history…'));

  const unsubscribe = ctx.live.subscribe(message => {
    if (message.type === 'event' && artifact && message.event.artifact_id === artifact.id && message.event.kind !== 'section_draft') {
      reload();
    }
  });
  load();
  return () => unsubscribe();

  async function load() {
    try {
      const [project, artifacts] = await Promise.all([
        get(`/api/projects/${encodeURIComponent(projectId)}`),
        get(`/api/artifacts/project/${encodeURIComponent(projectId)}`)]);
      projectCrumb.textContent = project.data.name;
      artifact = artifacts.data.find(a => a.artifact_type === type);
      if (!artifact) {
        replace(compare, el('p', {class: 'empty', text: `The ${info.title} has not been written yet, so it has no history.`}));
        return;
      }
      await reload();
    } catch (failure) {
      showError(failure);
    }
  }

  async function reload() {
    try {
      const [record, page] = await Promise.all([
        get(`/api/artifacts/${encodeURIComponent(artifact.id)}`),
        get(`/api/artifacts/${encodeURIComponent(artifact.id)}/revisions?limit=50`)]);
      artifact = record.data;
      etag = record.headers.get('ETag');
      revisions = page.data;
      next = nextLink(page.headers);
      renderList();
      const keep = revisions.find(r => r.revision === selected);
      choose(keep ? selected : revisions[0]?.revision, keep ? against : undefined);
    } catch (failure) {
      showError(failure);
    }
  }

  async function loadMore() {
    try {
      const page = await get(next);
      revisions = revisions.concat(page.data);
      next = nextLink(page.headers);
      renderList();
    } catch (failure) {
      showError(failure);
    }
  }

  function showError(failure) {
    error.textContent = describe(failure);
    error.hidden = false;
  }

  function renderList() {
    replace(list, revisions.map(revision => el('li', {},
      el('button', {type: 'button', class: `revision${revision.revision === selected ? ' is-selected' : ''}`,
        testid: 'revision', dataset: {revision: String(revision.revision)},
        attrs: {'aria-pressed': String(revision.revision === selected)},
        onClick: () => choose(revision.revision)},
      el('span', {class: 'revision-title'}, `Revision ${revision.revision}`,
        el('span', {class: 'muted', text: ` · version ${revision.version_number}`})),
      el('span', {class: 'revision-why', text: why(revision)}),
      el('time', {class: 'revision-time', attrs: {datetime: revision.created_at, title: formatTime(revision.created_at)},
        text: relativeTime(revision.created_at)})))));
    replace(more, next ? el('button', {type: 'button', class: 'quiet', text: 'Show older revisions', onClick: loadMore}) : null);
  }

  /** Shows revision `number` against `other` (by default the one before it). */
  async function choose(number, other) {
    if (number === undefined) {
      replace(compare, el('p', {class: 'empty', text: 'No revisions yet.'}));
      return;
    }
    selected = number;
    against = other !== undefined ? other : (number > 1 ? number - 1 : null);
    renderList();
    const current = revisions.find(r => r.revision === number);
    const header = el('div', {class: 'compare-head'},
      el('h2', {text: `Revision ${number}`}),
      el('p', {class: 'muted', text: current ? `${why(current)}, ${formatTime(current.created_at)}` : ''}),
      picker(number),
      restoreButton(number));
    replace(compare, header, el('div', {class: 'compare-body'}, spinner('Comparing…')));
    const body = compare.querySelector('.compare-body');
    try {
      if (against === null) {
        const first = await get(`/api/artifacts/${encodeURIComponent(artifact.id)}/revisions/${number}`);
        replace(body, el('p', {class: 'diff-summary', text: 'The first version: nothing before it to compare with. Pick another revision above to compare.'}),
          orderedSections(type, first.data.content).map(key => el('div', {class: 'draft-section'},
            el('h3', {text: humanTitle(key)}), renderValue(key, first.data.content[key]))));
      } else {
        const diff = await get(`/api/artifacts/${encodeURIComponent(artifact.id)}/revisions/${against}/diff/${number}`);
        replace(body, renderDiff(diff.data));
      }
    } catch (failure) {
      replace(body, el('p', {class: 'error', testid: 'error', attrs: {role: 'alert'}, text: describe(failure)}));
    }
  }

  function picker(number) {
    const id = uid('cmp');
    const select = el('select', {id, onChange: () => choose(number, select.value === '' ? null : Number(select.value))},
      el('option', {value: '', text: 'Nothing (show it whole)', selected: against === null}),
      revisions.filter(r => r.revision !== number).map(r => el('option', {value: String(r.revision),
        text: `Revision ${r.revision}${r.revision === number - 1 ? ' (the one before)' : ''}`, selected: r.revision === against})));
    return el('div', {class: 'field inline-field'}, el('label', {for: id, text: 'Compare with'}), select);
  }

  function restoreButton(number) {
    const latest = revisions[0]?.revision === number;
    const button = el('button', {type: 'button', class: 'secondary', testid: 'restore',
      text: latest ? 'This is the current version' : 'Restore this version', disabled: latest,
      onClick: async () => {
        button.disabled = true;
        try {
          const reply = await post(`/api/artifacts/${encodeURIComponent(artifact.id)}/revisions/${number}/restore`,
            undefined, {headers: etag ? {'If-Match': etag} : {}});
          ctx.setFlash(`Revision ${number} is back: it is now version ${reply.data.version_number}.`);
          ctx.navigate(`#/projects/${projectId}/${type}`);
        } catch (failure) {
          showError(failure.status === 412
            ? {status: 412, problem: {detail: 'the history has moved on; it is shown again below'}} : failure);
          if (failure.status === 412) reload();
          button.disabled = false;
        }
      }});
    return button;
  }
}

function why(revision) {
  const me = identity()?.user;
  const who = revision.actor === 'model' ? 'the model' : revision.actor === me ? 'you' : revision.actor;
  const touched = (revision.sections || []).map(humanTitle);
  switch (revision.source) {
    case 'generated': return `Written by ${who}`;
    case 'regenerated': return `Rewritten by ${who}`;
    case 'restored': return `Restored by ${who}${revision.restored_from ? ` from revision ${revision.restored_from}` : ''}`;
    case 'edited': return `Edited by ${who}${touched.length ? `: ${touched.join(', ')}` : ''}`;
    default: return `${humanTitle(revision.source || 'changed')} by ${who}`;
  }
}
