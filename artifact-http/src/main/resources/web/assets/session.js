// The bearer token lives in sessionStorage: it survives a reload of this tab and dies with it.
const KEY = 'artifact-pipeline.token';

export function token() {
  return window.sessionStorage.getItem(KEY);
}

export function signIn(bearer) {
  window.sessionStorage.setItem(KEY, bearer.trim());
}

export function signOut() {
  window.sessionStorage.removeItem(KEY);
}

/**
 * A token handed over as #token=... (by a sign-in page elsewhere) is taken and removed from the address
 * bar at once, so that it is neither bookmarked nor left in the history.
 */
export function takeTokenFromAddress() {
  const hash = window.location.hash;
  if (!hash.startsWith('#token=')) return false;
  const value = decodeURIComponent(hash.slice('#token='.length));
  window.history.replaceState(null, '', window.location.pathname + window.location.search + '#/');
  if (value.trim()) {
    signIn(value);
    return true;
  }
  return false;
}

/** Who the token says the founder is, for display only (the server checks the signature). */
export function identity() {
  const bearer = token();
  if (!bearer) return null;
  try {
    const payload = bearer.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(payload), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    const claims = JSON.parse(json);
    return {user: String(claims.sub ?? ''), tier: typeof claims.tier === 'string' ? claims.tier : null};
  } catch {
    return {user: '', tier: null};
  }
}
