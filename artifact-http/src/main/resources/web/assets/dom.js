// Building the page without ever parsing HTML: every string becomes a text node, so text from the API
// (which may contain "<script>") is shown as written and never run.

/**
 * el('button', {class: 'primary', testid: 'generate', onClick: fn, attrs: {type: 'button'}}, 'Write')
 * Props: class, testid, text, hidden, disabled, value, id, for, attrs (plain attributes), dataset,
 * on<Event> handlers. Children: nodes, strings (as text), arrays, null/false (skipped).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'testid') node.dataset.testid = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'attrs') for (const [name, v] of Object.entries(value)) { if (v !== null && v !== undefined && v !== false) node.setAttribute(name, String(v)); }
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'for') node.htmlFor = value;
    else node[key] = value;
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces every child of node. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

let idCounter = 0;
/** A fresh id for label/field pairs. */
export function uid(prefix = 'f') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Says something to screen readers without moving focus. */
export function announce(message) {
  const live = document.getElementById('live');
  if (live) {
    live.textContent = '';
    window.setTimeout(() => { live.textContent = message; }, 30);
  }
}

export function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
}

/** "3 minutes ago", for lists where the exact time matters less than the order. */
export function relativeTime(iso) {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((Date.now() - then) / 1000);
  if (seconds < 45) return 'just now';
  const units = [['minute', 60], ['hour', 3600], ['day', 86400], ['week', 604800]];
  let chosen = units[0];
  for (const unit of units) if (seconds >= unit[1]) chosen = unit;
  const count = Math.round(seconds / chosen[1]);
  if (chosen[0] === 'week' && count > 8) return formatTime(iso);
  return `${count} ${chosen[0]}${count === 1 ? '' : 's'} ago`;
}

/** A spinner with words beside it: the words are what assistive technology reads. */
export function spinner(label) {
  return el('span', {class: 'spinner-wrap'},
    el('span', {class: 'spinner', attrs: {'aria-hidden': 'true'}}),
    el('span', {class: 'spinner-label', text: label}));
}

/**
 * Redraws part of the page and puts the keyboard focus back on the control it was on (found again by
 * its test id or id), so that a live update never throws a keyboard user back to the top.
 */
export function keepingFocus(container, redraw) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset?.testid || active.id : null;
  redraw();
  if (!key) return;
  const again = container.querySelector(`[data-testid="${CSS.escape(key)}"]`) || document.getElementById(key);
  again?.focus();
}
