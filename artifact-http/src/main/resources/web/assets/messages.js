// Errors in words: a sentence for what happened, then the server's own detail.

const BY_STATUS = {
  0: 'The server could not be reached. Check that it is running, then try again.',
  400: 'The request was not understood.',
  401: 'Your sign-in is no longer valid. Please sign in again.',
  403: 'That is not allowed from here.',
  404: 'This could not be found. It may not exist, or it belongs to another account.',
  405: 'That is not something this page can do.',
  409: 'Something else is happening here right now.',
  412: 'This document changed since you opened it.',
  413: 'That is too long to send in one go.',
  422: 'Some of what you entered was not accepted.',
  429: 'Too much at once.',
};

const BY_PROBLEM = {
  'generation-in-progress': 'The documents of this project are being written right now. Wait until that is done.',
  'artifact-busy': 'This document is being written right now, so it cannot be changed. Try again when it is done.',
  'budget-exhausted': 'You have used today’s writing budget for your plan.',
  'stale-artifact': 'This document changed since you opened it (in another tab, or by someone else).',
  'precondition-failed': 'This document changed since you opened it (in another tab, or by someone else).',
  'unavailable': 'The service is briefly unavailable.',
};

/** One sentence for the founder, with the problem's detail when it adds something. */
export function describe(error) {
  if (!error || typeof error.status !== 'number') {
    return 'Something unexpected went wrong in this page. Reloading it may help.';
  }
  const slug = (error.problem?.type || '').split(':').pop();
  let sentence = BY_PROBLEM[slug] || BY_STATUS[error.status]
    || (error.status >= 500 ? 'Something went wrong on the server. Try again in a moment.' : 'That did not work.');
  const retryAfter = error.headers?.get?.('Retry-After');
  if (error.status === 429 && retryAfter && /^\d+$/.test(retryAfter)) {
    sentence += ` Try again in ${waitText(Number(retryAfter))}.`;
  }
  const detail = (error.problem?.detail || '').trim();
  if (!detail || error.status === 0) return sentence;
  return `${sentence} (${detail.charAt(0).toUpperCase()}${detail.slice(1)}${/[.!?]$/.test(detail) ? '' : '.'})`;
}

function waitText(seconds) {
  if (seconds < 90) return `${seconds} seconds`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds / 3600)} hours`;
}
