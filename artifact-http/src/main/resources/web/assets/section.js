// One section of an open document: its text, its edit mode, and its notes beside it.
import {el, replace, uid, announce} from './dom.js';
import {patch} from './api.js';
import {describe} from './messages.js';
import {humanTitle, humanPath} from './schema.js';
import {renderValue} from './render.js';
import {editorFor} from './editors.js';
import {notesList, noteForm} from './notes.js';

/**
 * @param key  the section key
 * @param doc  {artifact(), etag(), editable(), saved(artifact, etag), reload()} from the document view
 */
export function sectionBlock(key, doc) {
  const title = humanTitle(key);
  const headingId = uid('sec');
  const editButton = el('button', {type: 'button', class: 'quiet small', testid: `edit-${key}`, text: 'Edit',
    attrs: {'aria-label': `Edit ${title}`}, onClick: () => startEditing()});
  const noteButton = el('button', {type: 'button', class: 'quiet small', testid: `annotate-${key}`, text: 'Add note',
    attrs: {'aria-label': `Add a note on ${title}`}, onClick: () => openNoteForm()});
  const editedTag = el('span', {class: 'tag tag-edited', text: 'Edited by you', hidden: true});
  const body = el('div', {class: 'section-body'});
  const notes = el('div', {class: 'section-notes-list'});
  const noteSlot = el('div', {class: 'note-slot'});
  const aside = el('aside', {class: 'section-notes', attrs: {'aria-label': `Notes on ${title}`}}, notes, noteSlot);
  const node = el('section', {class: 'doc-section', testid: `section-${key}`, attrs: {'aria-labelledby': headingId}},
    el('div', {class: 'section-main'},
      el('header', {class: 'section-head'},
        el('h2', {id: headingId, text: title}), editedTag,
        el('div', {class: 'section-actions'}, editButton, noteButton)),
      body),
    aside);
  let editing = null;
  let noteOpen = false;

  function value() {
    return doc.artifact().current_content?.[key];
  }

  function showValue() {
    replace(body, renderValue(key, value()));
  }

  function update() {
    const artifact = doc.artifact();
    editedTag.hidden = !(artifact.edited_sections || []).includes(key);
    editButton.disabled = !doc.editable();
    if (!editing) showValue();
    const own = (artifact.annotations || []).filter(a => a.section_id === key);
    replace(notes, notesList(own));
    aside.classList.toggle('has-notes', own.length > 0 || noteOpen);
  }

  function startEditing() {
    if (editing || !doc.editable()) return;
    const editor = editorFor(key, value());
    // The version the founder started from: saving is refused (412) if the document changed meanwhile.
    const etag = doc.etag();
    const problems = el('div', {class: 'error', testid: 'error', hidden: true, attrs: {role: 'alert'}});
    const save = el('button', {type: 'submit', class: 'primary small', testid: `save-${key}`, text: 'Save'});
    const cancel = el('button', {type: 'button', class: 'quiet small', text: 'Cancel', onClick: () => stopEditing(true)});
    const form = el('form', {class: 'edit-form', onSubmit: event => { event.preventDefault(); submit(); }},
      editor.node, problems, el('div', {class: 'button-row'}, save, cancel));
    form.addEventListener('keydown', event => {
      if (event.key === 'Escape') { event.preventDefault(); stopEditing(true); }
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); submit(); }
    });
    editing = {editor, etag};
    node.classList.add('is-editing');
    replace(body, form);
    editor.focus();

    async function submit() {
      problems.hidden = true;
      let newValue;
      try {
        newValue = editor.read();
      } catch (invalid) {
        showProblem(invalid.message);
        return;
      }
      save.disabled = true;
      try {
        const headers = etag ? {'If-Match': etag} : {};
        const reply = await patch(`/api/artifacts/${encodeURIComponent(doc.artifact().id)}/edit`,
          {section_path: key, new_value: newValue}, {headers});
        editing = null;
        node.classList.remove('is-editing');
        doc.saved(reply.data, reply.headers.get('ETag'));
        announce(`${title} saved.`);
        editButton.focus();
      } catch (failure) {
        if (failure.status === 422 && (failure.problem.errors || []).length > 0) {
          const errors = failure.problem.errors;
          const unplaced = editor.markErrors(errors);
          showProblem(unplaced.length < errors.length
            ? 'Not saved: see what needs fixing beside the field.' : 'Not saved: some of it was not accepted.',
          unplaced.map(e => `${humanPath(e.path)}: ${e.message}`));
        } else if (failure.status === 412) {
          showStale();
        } else {
          showProblem(describe(failure));
        }
      } finally {
        save.disabled = false;
      }
    }

    function showProblem(text, lines = []) {
      replace(problems, el('p', {text}), lines.length ? el('ul', {}, lines.map(line => el('li', {text: line}))) : null);
      problems.hidden = false;
    }

    function showStale() {
      replace(problems,
        el('p', {text: 'This document changed since you started editing (in another tab, or by someone else), so your change was not saved.'}),
        el('p', {text: 'Reload it to see the latest version, then make your change again. Reloading discards what you typed here.'}),
        el('button', {type: 'button', class: 'secondary small', text: 'Reload document', onClick: () => doc.reload()}));
      problems.hidden = false;
      problems.querySelector('button').focus();
    }
  }

  function stopEditing(restoreFocus) {
    editing = null;
    node.classList.remove('is-editing');
    showValue();
    if (restoreFocus) editButton.focus();
  }

  function openNoteForm() {
    if (noteOpen) return;
    noteOpen = true;
    aside.classList.add('has-notes');
    const form = noteForm(doc.artifact().id, key, {
      onSaved: (artifact, etag) => { closeNoteForm(); doc.saved(artifact, etag); announce(`Note added to ${title}.`); noteButton.focus(); },
      onCancel: () => { closeNoteForm(); noteButton.focus(); },
    });
    replace(noteSlot, form.node);
    form.focus();
  }

  function closeNoteForm() {
    noteOpen = false;
    replace(noteSlot);
  }

  update();
  return {
    node,
    update,
    isEditing: () => editing !== null,
    cancelEditing: () => { if (editing) stopEditing(false); },
  };
}
