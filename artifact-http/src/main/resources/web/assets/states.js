// A document's state in words and colour: not written, generating, written, failed, stale.
import {el, spinner} from './dom.js';
import {get} from './api.js';
import {typeInfo} from './schema.js';

/** not_written | generating | idle | failed, as the cards' data-status says it. */
export function stateOf(artifact) {
  if (!artifact) return 'not_written';
  if (artifact.generation_status === 'generating') return 'generating';
  if (artifact.generation_status === 'failed') return 'failed';
  const content = artifact.current_content;
  return content && Object.keys(content).length > 0 ? 'idle' : 'not_written';
}

export function hasContent(artifact) {
  return !!artifact && !!artifact.current_content && Object.keys(artifact.current_content).length > 0;
}

export function stateBadge(artifact) {
  const state = stateOf(artifact);
  if (state === 'generating') {
    return el('span', {class: 'badge badge-generating'}, spinner(hasContent(artifact) ? 'Rewriting…' : 'Writing…'));
  }
  if (state === 'failed') return el('span', {class: 'badge badge-failed', text: 'Failed'});
  if (state === 'not_written') return el('span', {class: 'badge badge-empty', text: 'Not written'});
  if (artifact.stale) return el('span', {class: 'badge badge-stale', text: 'Out of date'});
  return el('span', {class: 'badge badge-written', text: `Written · v${artifact.version_number}`});
}

/** Why it failed, in words: the API's error message, or what its code means. */
export function failureText(artifact) {
  const error = artifact?.error;
  if (!error) return 'Writing this document failed.';
  const message = (error.message || '').trim();
  return message ? `Writing this document failed: ${message}` : `Writing this document failed (${error.code}).`;
}

const staleCache = new Map();

/**
 * The dependencies whose latest revision is newer than the one this artifact was written from (its
 * written_from). Falls back to every dependency named there when the revisions cannot be read.
 */
export async function staleOn(artifact, byType) {
  const writtenFrom = artifact.written_from || {};
  const names = Object.keys(writtenFrom);
  const changed = [];
  for (const dependency of names) {
    const other = byType.get(dependency);
    if (!other) continue;
    const cacheKey = `${other.id}@${other.updated_at}`;
    try {
      if (!staleCache.has(cacheKey)) {
        staleCache.set(cacheKey, get(`/api/artifacts/${encodeURIComponent(other.id)}/revisions?limit=1`)
          .then(reply => reply.data?.[0]?.revision ?? 0));
      }
      if ((await staleCache.get(cacheKey)) > writtenFrom[dependency]) changed.push(dependency);
    } catch {
      staleCache.delete(cacheKey);
      changed.push(dependency);
    }
  }
  return changed.length ? changed : names.length ? names : typeInfo(artifact.artifact_type).dependsOn;
}

/** "the Brief", "the Brief and the MVP Scope" … */
export function staleSentence(types) {
  const titles = types.map(type => `the ${typeInfo(type).title}`);
  const list = titles.length <= 1 ? titles.join('') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
  return `Out of date: ${list || 'a document it builds on'} changed after this was written.`;
}
