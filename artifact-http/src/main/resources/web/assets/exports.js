// Export links: Markdown (readable or technical) and PDF. The API needs the Authorization header, so a
// click fetches the file and hands it to the browser under the server's file name.
import {el, announce} from './dom.js';
import {download} from './api.js';
import {describe} from './messages.js';

/**
 * @param base   "/api/artifacts/{id}" or "/api/artifacts/project/{id}"
 * @param links  [{testid, label, path, hint}]: path relative to base
 */
export function exportLinks(label, base, links) {
  const error = el('p', {class: 'error', testid: 'error', hidden: true, attrs: {role: 'alert'}});
  const anchors = links.map(link => el('a', {
    class: 'export-link', testid: link.testid, href: `${base}${link.path}`, text: link.label,
    attrs: {title: link.hint, download: ''},
    onClick: async event => {
      event.preventDefault();
      error.hidden = true;
      const anchor = event.currentTarget;
      anchor.setAttribute('aria-busy', 'true');
      try {
        const name = await download(`${base}${link.path}`);
        announce(`Downloaded ${name}.`);
      } catch (failure) {
        error.textContent = failure.status === 409
          ? 'There is nothing to export yet: this has not been written.'
          : describe(failure);
        error.hidden = false;
      } finally {
        anchor.removeAttribute('aria-busy');
      }
    },
  }));
  return el('div', {class: 'exports'},
    el('span', {class: 'exports-label', text: label}),
    el('span', {class: 'export-links'}, anchors),
    error);
}

export function documentExports(artifactId) {
  return exportLinks('Export', `/api/artifacts/${encodeURIComponent(artifactId)}/export`, [
    {testid: 'export-markdown', label: 'Markdown', path: '/markdown?variant=readable', hint: 'For people: paste into any document editor'},
    {testid: 'export-markdown-technical', label: 'Markdown (technical)', path: '/markdown?variant=technical', hint: 'With metadata, anchors and notes'},
    {testid: 'export-pdf', label: 'PDF', path: '/pdf', hint: 'To print or send'},
  ]);
}

export function projectExports(projectId) {
  return exportLinks('Export all', `/api/artifacts/project/${encodeURIComponent(projectId)}/export`, [
    {testid: 'export-project-markdown', label: 'Markdown', path: '/markdown?variant=readable', hint: 'All documents, with a table of contents'},
    {testid: 'export-project-pdf', label: 'PDF', path: '/pdf', hint: 'All documents, with a table of contents'},
  ]);
}
