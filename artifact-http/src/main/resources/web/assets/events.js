// A project's live events (GET /api/artifacts/project/{id}/events), read with fetch and a stream reader
// because EventSource cannot send an Authorization header. Reconnects with backoff, and tells its
// listeners when it (re)connects so that they re-read what they may have missed meanwhile.
import {authHeaders, ApiError} from './api.js';

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
const SILENCE_LIMIT_MS = 45_000; // the server sends a heartbeat every 15 s

export class LiveProject {
  constructor(projectId, {onUnauthorized, onGone} = {}) {
    this.projectId = projectId;
    this.listeners = new Set();
    this.drafts = new Map(); // artifact id → Map(section → value), while it is being written
    this.state = 'connecting';
    this.stopped = false;
    this.onUnauthorized = onUnauthorized || (() => {});
    this.onGone = onGone || (() => {});
    this.run();
  }

  /** listener({type: 'event', event} | {type: 'connected'} | {type: 'state', state}); returns an unsubscribe. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  draftsOf(artifactId) {
    return this.drafts.get(artifactId) || new Map();
  }

  stop() {
    this.stopped = true;
    this.listeners.clear();
    this.controller?.abort();
    this.wakeUp?.();
  }

  emit(message) {
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch (failure) {
        console.error(failure);
      }
    }
  }

  setState(state) {
    if (this.state !== state) {
      this.state = state;
      this.emit({type: 'state', state});
    }
  }

  async run() {
    let attempt = 0;
    while (!this.stopped) {
      let retryAfterMs = 0;
      try {
        await this.connect();
        attempt = 0; // the stream was open: the next failure starts the backoff over
      } catch (failure) {
        if (this.stopped) return;
        if (failure instanceof ApiError) {
          if (failure.status === 401) { this.onUnauthorized(failure); return; }
          if (failure.status === 404) { this.onGone(failure); return; }
          const header = Number(failure.headers.get('Retry-After'));
          if (failure.status === 429 && header > 0) retryAfterMs = header * 1000;
        }
      }
      if (this.stopped) return;
      this.setState('reconnecting');
      const backoff = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      attempt = Math.min(attempt + 1, 10);
      await new Promise(resolve => {
        const timer = window.setTimeout(resolve, Math.max(backoff, retryAfterMs));
        this.wakeUp = () => { window.clearTimeout(timer); resolve(); };
      });
    }
  }

  async connect() {
    this.controller = new AbortController();
    const response = await fetch(`/api/artifacts/project/${encodeURIComponent(this.projectId)}/events`, {
      headers: authHeaders({Accept: 'text/event-stream'}), signal: this.controller.signal, cache: 'no-store',
    });
    if (!response.ok) {
      let problem = {};
      try { problem = await response.json(); } catch { /* no body */ }
      throw new ApiError(response.status, problem, response.headers);
    }
    this.setState('live');
    this.emit({type: 'connected'});
    await this.read(response.body.getReader());
  }

  async read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    let data = [];
    let silence = window.setTimeout(() => this.controller.abort(), SILENCE_LIMIT_MS);
    try {
      while (true) {
        const {value, done} = await reader.read();
        if (done) return;
        window.clearTimeout(silence);
        silence = window.setTimeout(() => this.controller.abort(), SILENCE_LIMIT_MS);
        buffer += decoder.decode(value, {stream: true});
        const lines = buffer.split(/\r\n|\r|\n/);
        buffer = lines.pop();
        for (const line of lines) {
          if (line === '') {
            this.dispatch(data.join('\n'));
            data = [];
          } else if (line.startsWith('data:')) {
            data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
          } // comments (":"), event names and ids carry nothing this page needs
        }
      }
    } finally {
      window.clearTimeout(silence);
    }
  }

  dispatch(text) {
    if (!text.trim()) return; // a heartbeat
    let event;
    try {
      event = JSON.parse(text);
    } catch {
      return;
    }
    if (event.kind === 'section_draft') {
      if (!this.drafts.has(event.artifact_id)) this.drafts.set(event.artifact_id, new Map());
      this.drafts.get(event.artifact_id).set(event.section, event.value);
    } else if (event.generation_status !== 'generating' || event.kind === 'status') {
      this.drafts.delete(event.artifact_id); // written, failed, or a fresh start: old drafts say nothing now
    }
    this.emit({type: 'event', event});
  }
}
