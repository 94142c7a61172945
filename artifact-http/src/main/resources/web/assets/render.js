// A document as a document: prose as paragraphs, text lists as bullets, record lists as tables.
import {el} from './dom.js';
import {humanTitle} from './schema.js';

/** The nodes showing one section's value. */
export function renderValue(key, value) {
  if (typeof value === 'string') return paragraphs(value);
  if (typeof value === 'number') return el('p', {class: 'figure', text: numberText(key, value)});
  if (typeof value === 'boolean') return el('p', {text: value ? 'Yes' : 'No'});
  if (value === null || value === undefined) return el('p', {class: 'muted', text: 'Nothing here yet.'});
  if (Array.isArray(value)) {
    if (value.length === 0) return el('p', {class: 'muted', text: 'None listed.'});
    if (value.every(item => item !== null && typeof item === 'object' && !Array.isArray(item))) {
      return recordTable(key, value);
    }
    return el('ul', {class: 'bullets'}, value.map(item => el('li', {}, inline(item))));
  }
  return el('dl', {class: 'fields'}, Object.entries(value).map(([field, inner]) => [
    el('dt', {text: humanTitle(field)}), el('dd', {}, renderValue(field, inner))]));
}

function paragraphs(text) {
  const blocks = text.split(/\n\s*\n/).map(block => block.trim()).filter(Boolean);
  if (blocks.length === 0) return el('p', {class: 'muted', text: 'Empty.'});
  return blocks.map(block => el('p', {class: 'prose', text: block}));
}

function numberText(key, value) {
  if (/_weeks$/.test(key)) return `${value} week${value === 1 ? '' : 's'}`;
  return String(value);
}

/** A short value inside a list or a table cell. */
function inline(value, key = '') {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(key, value);
  if (Array.isArray(value)) return el('ul', {class: 'cell-list'}, value.map(item => el('li', {}, inline(item))));
  if (value && typeof value === 'object') return renderValue(key, value);
  return value === null || value === undefined ? '' : String(value);
}

/** The union of the records' fields, in the order they first appear. */
export function columnsOf(records) {
  const columns = [];
  for (const record of records) for (const field of Object.keys(record)) if (!columns.includes(field)) columns.push(field);
  return columns;
}

function recordTable(key, records) {
  const columns = columnsOf(records);
  const table = el('table', {class: 'records'},
    el('caption', {class: 'visually-hidden', text: humanTitle(key)}),
    el('thead', {}, el('tr', {}, columns.map(c => el('th', {attrs: {scope: 'col'}, class: `col-${c}`, text: humanTitle(c)})))),
    el('tbody', {}, records.map(record => el('tr', {}, columns.map(c =>
      el('td', {class: `col-${c}`, dataset: {label: humanTitle(c)}}, badgeOr(c, record[c])))))));
  // Scrolls sideways on a narrow screen; focusable so that a keyboard can scroll it too.
  return el('div', {class: 'table-scroll', attrs: {tabindex: '0', role: 'region', 'aria-label': humanTitle(key)}}, table);
}

function badgeOr(field, value) {
  if ((field === 'priority' || field === 'severity') && typeof value === 'string') {
    return el('span', {class: `level level-${value.toLowerCase().replace(/[^a-z]/g, '')}`, text: humanTitle(value)});
  }
  return inline(value, field);
}
