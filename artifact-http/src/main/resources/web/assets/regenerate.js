// Regenerate with optional instructions; when the document has edits, the API's warning becomes a
// dialog ("You've edited N sections…") with "Regenerate anyway" (force) and "Cancel".
import {el, uid} from './dom.js';
import {post} from './api.js';
import {describe} from './messages.js';
import {humanTitle} from './schema.js';

const MAX_INSTRUCTIONS = 2000;

/**
 * The panel opened by the document's Regenerate button.
 * @param artifact   the open artifact (id, type)
 * @param onStarted  called after a 202: the document is being rewritten
 */
export function regeneratePanel(artifact, {onStarted, onClose}) {
  const id = uid('instr');
  const instructions = el('textarea', {id, testid: 'regenerate-instructions', rows: 3, maxLength: MAX_INSTRUCTIONS,
    attrs: {placeholder: 'For example: shorter, and aimed at bakery owners rather than chains.'}});
  const error = el('p', {class: 'error', testid: 'error', hidden: true, attrs: {role: 'alert'}});
  const submit = el('button', {type: 'submit', class: 'primary', testid: 'regenerate-submit', text: 'Regenerate'});
  const cancel = el('button', {type: 'button', class: 'quiet', text: 'Close', onClick: () => onClose()});

  const send = async force => {
    error.hidden = true;
    submit.disabled = true;
    const body = {force};
    if (instructions.value.trim()) body.instructions = instructions.value.trim();
    try {
      const reply = await post(`/api/artifacts/${encodeURIComponent(artifact.id)}/regenerate`, body);
      if (reply.status === 200 && reply.data?.warning) {
        warningDialog(reply.data.edited_sections || [], {
          onForce: () => send(true),
          onCancel: () => instructions.focus(),
        });
      } else {
        onStarted(reply.data);
      }
    } catch (failure) {
      error.textContent = describe(failure);
      error.hidden = false;
    } finally {
      submit.disabled = false;
    }
  };

  const form = el('form', {class: 'panel regenerate-panel', onSubmit: event => { event.preventDefault(); send(false); }},
    el('h2', {class: 'panel-title', text: 'Regenerate this document'}),
    el('p', {class: 'muted', text: 'The model rewrites it from your project and the documents it builds on. The current version stays in the history.'}),
    el('label', {for: id, text: 'Instructions (optional)'}),
    instructions,
    error,
    el('div', {class: 'button-row'}, submit, cancel));
  return {node: form, focus: () => instructions.focus()};
}

/** The warning before edits would be overwritten. Escape, like Cancel, changes nothing. */
export function warningDialog(editedSections, {onForce, onCancel}) {
  const count = editedSections.length;
  const titleId = uid('dlg');
  const cancel = el('button', {type: 'button', class: 'secondary', testid: 'regenerate-cancel', text: 'Cancel'});
  const force = el('button', {type: 'button', class: 'danger', testid: 'regenerate-force', text: 'Regenerate anyway'});
  const dialog = el('dialog', {class: 'dialog', testid: 'regenerate-warning', attrs: {'aria-labelledby': titleId}},
    el('h2', {id: titleId, text: 'Overwrite your edits?'}),
    el('p', {text: count === 1
      ? "You've edited 1 section. Regenerate will overwrite it."
      : `You've edited ${count} sections. Regenerate will overwrite them.`}),
    el('ul', {class: 'edited-list'}, editedSections.map(key => el('li', {text: humanTitle(key)}))),
    el('p', {class: 'muted', text: 'The edited version stays in the history, so you can restore it later.'}),
    el('div', {class: 'button-row'}, force, cancel));
  let decided = false;
  const close = () => { dialog.close(); dialog.remove(); };
  cancel.addEventListener('click', () => { decided = true; close(); onCancel(); });
  force.addEventListener('click', () => { decided = true; close(); onForce(); });
  dialog.addEventListener('close', () => { if (!decided) { dialog.remove(); onCancel(); } });
  document.body.append(dialog);
  dialog.showModal();
  cancel.focus(); // the safe choice is the default one
  return dialog;
}
