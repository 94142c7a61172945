// Notes beside a section: they live next to the content, never inside it, and survive regeneration.
import {el, uid, formatTime, relativeTime} from './dom.js';
import {post} from './api.js';
import {describe} from './messages.js';
import {humanTitle} from './schema.js';

const MAX_NOTE = 4000;

export function notesList(annotations) {
  if (annotations.length === 0) return null;
  return el('ul', {class: 'notes'}, annotations.map(note => el('li', {class: 'note', testid: 'note'},
    el('p', {class: 'note-text', text: note.note}),
    el('time', {class: 'note-time', attrs: {datetime: note.created_at, title: formatTime(note.created_at)}, text: relativeTime(note.created_at)}))));
}

/** The form to add a note to one section; onSaved gets the artifact record the API answers. */
export function noteForm(artifactId, sectionKey, {onSaved, onCancel}) {
  const id = uid('note');
  const input = el('textarea', {id, testid: 'note-input', rows: 3, maxLength: MAX_NOTE,
    attrs: {placeholder: 'A question, a doubt, a reminder…'}});
  const error = el('p', {class: 'error', testid: 'error', hidden: true, attrs: {role: 'alert'}});
  const save = el('button', {type: 'submit', class: 'primary small', testid: 'note-save', text: 'Add note'});
  const form = el('form', {class: 'note-form', onSubmit: async event => {
    event.preventDefault();
    error.hidden = true;
    save.disabled = true;
    try {
      const reply = await post(`/api/artifacts/${encodeURIComponent(artifactId)}/annotate`,
        {section_id: sectionKey, note: input.value});
      onSaved(reply.data, reply.headers.get('ETag'));
    } catch (failure) {
      const detail = failure.problem?.errors?.map(e => e.message).join('; ');
      error.textContent = failure.status === 422 && detail ? `This note was not accepted: ${detail}.` : describe(failure);
      error.hidden = false;
      input.focus();
    } finally {
      save.disabled = false;
    }
  }},
  el('label', {for: id, text: `Note on ${humanTitle(sectionKey)}`}),
  input, error,
  el('div', {class: 'button-row'}, save, el('button', {type: 'button', class: 'quiet small', text: 'Cancel', onClick: onCancel})));
  return {node: form, focus: () => input.focus()};
}
