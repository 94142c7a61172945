// A diff between two revisions (API: {from, to, changes: [{path, op, before?, after?, segments?}]}),
// with inserted and deleted words marked.
import {el} from './dom.js';
import {humanPath, sectionOf} from './schema.js';
import {renderValue} from './render.js';

const OPS = {added: 'Added', removed: 'Removed', changed: 'Changed'};

export function renderDiff(diff) {
  const changes = diff.changes || [];
  const summary = el('p', {class: 'diff-summary', text: changes.length === 0
    ? `Revisions ${diff.from} and ${diff.to} have the same content.`
    : `${changes.length} change${changes.length === 1 ? '' : 's'} from revision ${diff.from} to revision ${diff.to}.`});
  return el('div', {class: 'diff', testid: 'diff'}, summary,
    changes.map(change => el('div', {class: `change change-${change.op}`},
      el('p', {class: 'change-head'},
        el('span', {class: 'change-path', text: humanPath(change.path)}),
        el('span', {class: `change-op op-${change.op}`, text: OPS[change.op] || change.op})),
      changeBody(change))));
}

function changeBody(change) {
  if (Array.isArray(change.segments)) {
    return el('p', {class: 'diff-text'}, change.segments.map(segment => {
      if (segment.op === 'insert') return el('ins', {testid: 'diff-insert', text: segment.text});
      if (segment.op === 'delete') return el('del', {testid: 'diff-delete', text: segment.text});
      return segment.text;
    }));
  }
  const key = lastKey(change.path);
  return el('div', {class: 'diff-values'},
    change.op !== 'added' && 'before' in change ? block('delete', key, change.before) : null,
    change.op !== 'removed' && 'after' in change ? block('insert', key, change.after) : null);
}

function block(kind, key, value) {
  const body = typeof value === 'string' || typeof value === 'number' ? String(value) : renderValue(key, value);
  return el(kind === 'insert' ? 'ins' : 'del', {class: `diff-block diff-block-${kind}`, testid: `diff-${kind}`}, body);
}

function lastKey(path) {
  const parts = String(path || '').split('/').filter(p => p && !/^\d+$/.test(p));
  return parts.at(-1) || sectionOf(path);
}
