// The public HTTP API, and nothing else: whatever this page does, a script can do with the same calls.
import {token} from './session.js';

/** A refused or failed call: the HTTP status (0 when the server could not be reached) and its problem. */
export class ApiError extends Error {
  constructor(status, problem, headers) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.headers = headers || new Headers();
  }
}

let unauthorized = () => {};

/** What to do when the server says the token is missing, invalid or expired. */
export function whenUnauthorized(handler) {
  unauthorized = handler;
}

export function authHeaders(extra = {}) {
  const bearer = token();
  return bearer ? {...extra, Authorization: `Bearer ${bearer}`} : {...extra};
}

/**
 * One call. Resolves to {status, headers, data} for 2xx (and 304); rejects with ApiError otherwise.
 * A 401 also tells the sign-in handler, which sends the founder back to sign in.
 */
export async function call(method, path, {body, headers = {}, signal, anonymous = false} = {}) {
  const init = {method, headers: anonymous ? {...headers} : authHeaders(headers), signal, cache: 'no-store'};
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  init.headers.Accept = 'application/json, application/problem+json';
  let response;
  try {
    response = await fetch(path, init);
  } catch (failure) {
    if (failure.name === 'AbortError') throw failure;
    throw new ApiError(0, {detail: 'the network request failed'});
  }
  const data = await readBody(response);
  if (response.ok || response.status === 304) {
    return {status: response.status, headers: response.headers, data};
  }
  const error = new ApiError(response.status, data && typeof data === 'object' ? data : {}, response.headers);
  if (response.status === 401 && !anonymous) unauthorized(error);
  throw error;
}

async function readBody(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return {detail: text.slice(0, 200)};
  }
}

export const get = (path, options) => call('GET', path, options);
export const post = (path, body, options) => call('POST', path, {...options, body});
export const patch = (path, body, options) => call('PATCH', path, {...options, body});

/** The URL of the next page from an RFC 8288 Link header, or null. */
export function nextLink(headers) {
  const link = headers?.get('Link');
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = part.match(/<([^>]*)>(.*)/);
    const rel = match?.[2].match(/rel\s*=\s*"?([^";]*)"?/i);
    if (rel && rel[1].trim().toLowerCase().split(/\s+/).includes('next')) return match[1];
  }
  return null;
}

/**
 * Downloads an export: the Authorization header rules out a plain link, so the file is fetched and
 * handed to the browser as a blob under the name the server gives in Content-Disposition.
 */
export async function download(path) {
  let response;
  try {
    response = await fetch(path, {headers: authHeaders(), cache: 'no-store'});
  } catch {
    throw new ApiError(0, {detail: 'the network request failed'});
  }
  if (!response.ok) {
    const problem = await readBody(response);
    const error = new ApiError(response.status, problem || {}, response.headers);
    if (response.status === 401) unauthorized(error);
    throw error;
  }
  const blob = await response.blob();
  const name = fileName(response.headers.get('Content-Disposition')) || 'export';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** RFC 6266: filename* (UTF-8) wins over the ASCII filename. */
export function fileName(disposition) {
  if (!disposition) return null;
  const extended = disposition.match(/filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i);
  if (extended) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch { /* fall back to the plain name */ }
  }
  const plain = disposition.match(/filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/i);
  if (!plain) return null;
  return (plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1]).trim();
}
