// Editing a section in place: text in a text area, text lists as editable lists, record lists as
// editable tables. Every input carries the JSON Pointer of its value, so a 422's errors land beside it.
import {el, uid} from './dom.js';
import {CHOICES, humanTitle} from './schema.js';
import {columnsOf} from './render.js';

/** {node, read(), focus(), markErrors(errors) → errors not placed beside a field}. */
export function editorFor(key, value) {
  if (typeof value === 'string') return textEditor(key, value);
  if (typeof value === 'number') return numberEditor(key, value);
  if (Array.isArray(value) && value.every(v => v !== null && typeof v === 'object' && !Array.isArray(v)) && value.length > 0) {
    return tableEditor(key, value);
  }
  if (Array.isArray(value) && value.every(v => typeof v === 'string')) return listEditor(key, value);
  return jsonEditor(key, value);
}

function field(input, path) {
  input.dataset.path = path;
  const message = el('p', {class: 'field-error', hidden: true, testid: 'error', attrs: {id: uid('err')}});
  return {input, message, wrap: el('div', {class: 'field'}, input, message)};
}

function markErrorsIn(container, errors) {
  const unplaced = [];
  container.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
  container.querySelectorAll('.field-error').forEach(p => { p.hidden = true; p.textContent = ''; });
  for (const error of errors) {
    const path = `/${String(error.path || '').replace(/^\//, '')}`;
    const input = [...container.querySelectorAll('[data-path]')].find(i => i.dataset.path === path);
    const message = input?.closest('.field')?.querySelector('.field-error');
    if (!input || !message) {
      unplaced.push(error);
      continue;
    }
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', message.id);
    message.textContent = message.textContent ? `${message.textContent}; ${error.message}` : sentence(error.message);
    message.hidden = false;
  }
  return unplaced;
}

function sentence(text) {
  const t = String(text || '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function textEditor(key, value) {
  const id = uid('edit');
  const area = el('textarea', {id, testid: `edit-input-${key}`, value, rows: Math.min(16, Math.max(4, Math.ceil(value.length / 70) + 1))});
  const {wrap} = field(area, `/${key}`);
  const node = el('div', {class: 'editor'}, el('label', {class: 'visually-hidden', for: id, text: `${humanTitle(key)}, new text`}), wrap);
  return {node, read: () => area.value, focus: () => area.focus(), markErrors: errors => markErrorsIn(node, errors)};
}

function numberEditor(key, value) {
  const id = uid('edit');
  const input = el('input', {id, type: 'number', testid: `edit-input-${key}`, value: String(value), attrs: {inputmode: 'numeric', step: '1'}});
  const {wrap} = field(input, `/${key}`);
  const node = el('div', {class: 'editor editor-number'}, el('label', {for: id, text: humanTitle(key)}), wrap);
  return {node, read: () => numberOrText(input.value), focus: () => input.focus(), markErrors: errors => markErrorsIn(node, errors)};
}

/** A number when it is one; otherwise the text as typed, for the API to explain what is wrong. */
function numberOrText(raw) {
  const trimmed = raw.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function listEditor(key, items) {
  const list = el('ol', {class: 'edit-list'});
  const renumber = () => [...list.children].forEach((row, index) => {
    const input = row.querySelector('input');
    input.dataset.path = `/${key}/${index}`;
    input.setAttribute('aria-label', `${humanTitle(key)}, item ${index + 1}`);
    row.querySelector('button').setAttribute('aria-label', `Remove item ${index + 1}`);
  });
  const addRow = (text, focus) => {
    const input = el('input', {type: 'text', value: text});
    const {wrap} = field(input, '');
    const remove = el('button', {type: 'button', class: 'icon-button', text: 'Remove', onClick: () => {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumber();
      (next?.querySelector('input') || add).focus();
    }});
    const row = el('li', {class: 'edit-list-row'}, wrap, remove);
    list.append(row);
    renumber();
    if (focus) input.focus();
  };
  items.forEach(item => addRow(item, false));
  const add = el('button', {type: 'button', class: 'quiet', text: '+ Add item', onClick: () => addRow('', true)});
  const node = el('div', {class: 'editor'}, list, add);
  return {
    node,
    read: () => [...list.querySelectorAll('input')].map(input => input.value),
    focus: () => (list.querySelector('input') || add).focus(),
    markErrors: errors => markErrorsIn(node, errors),
  };
}

function tableEditor(key, records) {
  const columns = columnsOf(records);
  const kinds = Object.fromEntries(columns.map(c => [c, kindOf(c, records.map(r => r[c]).find(v => v !== undefined && v !== null))]));
  const body = el('tbody');
  const renumber = () => [...body.children].forEach((row, index) => {
    row.querySelectorAll('[data-column]').forEach(input => {
      input.dataset.path = `/${key}/${index}/${input.dataset.column}`;
      input.setAttribute('aria-label', `${humanTitle(input.dataset.column)}, row ${index + 1}`);
    });
    row.querySelector('.remove-row').setAttribute('aria-label', `Remove row ${index + 1}`);
  });
  const addRow = (record, focus) => {
    const cells = columns.map(c => {
      const input = cellInput(kinds[c], record[c]);
      input.dataset.column = c;
      return el('td', {dataset: {label: humanTitle(c)}}, field(input, '').wrap);
    });
    const remove = el('button', {type: 'button', class: 'icon-button remove-row', text: 'Remove', onClick: () => {
      row.remove();
      renumber();
      add.focus();
    }});
    const row = el('tr', {}, cells, el('td', {class: 'row-actions'}, remove));
    body.append(row);
    renumber();
    if (focus) row.querySelector('[data-column]').focus();
  };
  records.forEach(record => addRow(record, false));
  const add = el('button', {type: 'button', class: 'quiet', text: '+ Add row', onClick: () => addRow(blankRecord(columns, kinds, body.children.length), true)});
  const table = el('table', {class: 'records edit-records'},
    el('thead', {}, el('tr', {}, columns.map(c => el('th', {attrs: {scope: 'col'}, text: humanTitle(c)})), el('th', {}, el('span', {class: 'visually-hidden', text: 'Actions'})))),
    body);
  const node = el('div', {class: 'editor'}, el('div', {class: 'table-scroll'}, table), add);
  return {
    node,
    read: () => [...body.children].map(row => Object.fromEntries([...row.querySelectorAll('[data-column]')]
      .map(input => [input.dataset.column, readCell(kinds[input.dataset.column], input.value)]))),
    focus: () => (body.querySelector('[data-column]') || add).focus(),
    markErrors: errors => markErrorsIn(node, errors),
  };
}

function kindOf(column, sample) {
  if (CHOICES[column]) return 'choice';
  if (typeof sample === 'number') return 'number';
  if (Array.isArray(sample)) return 'lines';
  return 'text';
}

function cellInput(kind, value) {
  if (kind === 'choice') {
    const choices = [...CHOICES.priority];
    if (value && !choices.includes(value)) choices.push(value);
    return el('select', {}, choices.map(c => el('option', {value: c, text: humanTitle(c), selected: c === value})));
  }
  if (kind === 'number') return el('input', {type: 'number', value: value ?? '', attrs: {step: '1', inputmode: 'numeric'}});
  if (kind === 'lines') return el('textarea', {rows: 3, value: Array.isArray(value) ? value.join('\n') : '', attrs: {placeholder: 'One per line'}});
  return el('textarea', {rows: 2, value: value ?? ''});
}

function readCell(kind, raw) {
  if (kind === 'number') return numberOrText(raw);
  if (kind === 'lines') return raw.split('\n').map(line => line.trim()).filter(Boolean);
  return raw;
}

function blankRecord(columns, kinds, index) {
  return Object.fromEntries(columns.map(c => [c,
    kinds[c] === 'number' ? (c === 'step_number' ? index + 1 : 1) : kinds[c] === 'lines' ? [] : kinds[c] === 'choice' ? 'medium' : '']));
}

/** Anything else: its JSON, for the rare shape this page has no better editor for. */
function jsonEditor(key, value) {
  const id = uid('edit');
  const area = el('textarea', {id, class: 'code', testid: `edit-input-${key}`, rows: 10, value: JSON.stringify(value, null, 2)});
  const {wrap} = field(area, `/${key}`);
  const node = el('div', {class: 'editor'}, el('label', {for: id, text: `${humanTitle(key)} (JSON)`}), wrap);
  return {
    node,
    read: () => {
      try {
        return JSON.parse(area.value);
      } catch {
        throw new SyntaxError('This is not valid JSON.');
      }
    },
    focus: () => area.focus(),
    markErrors: errors => markErrorsIn(node, errors),
  };
}
