// The founder's projects (newest first, more on demand) and the form for a new one.
import {el, replace, uid, relativeTime, formatTime, spinner} from './dom.js';
import {get, post, nextLink} from './api.js';
import {describe} from './messages.js';

const PAGE_SIZE = 20;

export function projectsView(main, _params, ctx) {
  const list = el('ul', {class: 'project-list'});
  const more = el('div', {class: 'more'});
  const error = el('p', {class: 'error', testid: 'error', hidden: true, attrs: {role: 'alert'}});
  const empty = el('div', {class: 'empty', hidden: true},
    el('p', {class: 'empty-title', text: 'No projects yet.'}),
    el('p', {text: 'Describe your idea and answer a few questions: the five planning documents are written from that.'}));
  const form = newProjectForm(project => ctx.navigate(`#/projects/${project.id}`));
  const flash = ctx.takeFlash();
  document.title = 'Your projects · Artifact Pipeline';
  replace(main, el('div', {class: 'projects-page'},
    flash ? el('p', {class: 'flash', attrs: {role: 'status'}, text: flash}) : null,
    el('div', {class: 'projects-layout'},
      el('section', {class: 'projects-list', attrs: {'aria-labelledby': 'projects-title'}},
        el('h1', {id: 'projects-title', text: 'Your projects'}),
        error, empty, list, more),
      el('section', {class: 'panel new-project', attrs: {'aria-labelledby': 'new-project-title'}},
        el('h2', {id: 'new-project-title', text: 'Start a new project'}),
        el('p', {class: 'muted', text: 'The idea in a few sentences, and anything you already know. You can write the documents right after.'}),
        form))));
  replace(more, spinner('Loading your projects…'));
  loadPage(`/api/projects?limit=${PAGE_SIZE}`, true);
  return () => {};

  async function loadPage(path, first) {
    try {
      const reply = await get(path);
      const projects = Array.isArray(reply.data) ? reply.data : [];
      for (const project of projects) list.append(projectItem(project));
      empty.hidden = !(first && projects.length === 0);
      const next = nextLink(reply.headers);
      replace(more, next ? el('button', {type: 'button', class: 'secondary', text: 'Show more projects', onClick: event => {
        event.currentTarget.disabled = true;
        loadPage(next, false).then(() => list.lastElementChild?.querySelector('a')?.focus());
      }}) : null);
    } catch (failure) {
      replace(more);
      error.textContent = describe(failure);
      error.hidden = false;
    }
  }
}

function projectItem(project) {
  return el('li', {}, el('a', {class: 'project-item', testid: 'project-link', href: `#/projects/${project.id}`},
    el('span', {class: 'project-name', text: project.name}),
    el('span', {class: 'project-idea', text: project.idea}),
    el('time', {class: 'project-time', attrs: {datetime: project.created_at, title: formatTime(project.created_at)},
      text: `Created ${relativeTime(project.created_at)}`})));
}

function newProjectForm(onCreated) {
  const nameId = uid('name');
  const ideaId = uid('idea');
  const name = el('input', {id: nameId, type: 'text', maxLength: 200, attrs: {autocomplete: 'off', placeholder: 'Optional: the first words of the idea by default'}});
  const idea = el('textarea', {id: ideaId, testid: 'project-idea', rows: 5, required: true,
    attrs: {placeholder: 'Forecast bread demand for small bakeries, so that they bake what sells and waste less.'}});
  const pairs = el('ol', {class: 'qa-list'});
  const add = el('button', {type: 'button', class: 'quiet', testid: 'project-add-answer', text: '+ Add a question', onClick: () => addPair(true)});
  const error = el('div', {class: 'error', testid: 'error', hidden: true, attrs: {role: 'alert'}});
  const create = el('button', {type: 'submit', class: 'primary', testid: 'project-create', text: 'Create project'});
  const ideaError = el('p', {class: 'field-error', testid: 'error', hidden: true, attrs: {id: uid('err')}});

  function addPair(focus) {
    const questionId = uid('q');
    const answerId = uid('a');
    const question = el('input', {id: questionId, type: 'text', testid: 'project-question', attrs: {placeholder: 'Who pays for it?'}});
    const answer = el('textarea', {id: answerId, testid: 'project-answer', rows: 2, attrs: {placeholder: 'Bakery owners, per shop and month.'}});
    const remove = el('button', {type: 'button', class: 'icon-button', text: 'Remove', onClick: () => {
      row.remove();
      renumber();
      add.focus();
    }});
    const row = el('li', {class: 'qa-pair'},
      el('div', {class: 'field'}, el('label', {for: questionId, class: 'q-label'}), question),
      el('div', {class: 'field'}, el('label', {for: answerId, text: 'Answer'}), answer),
      remove);
    pairs.append(row);
    renumber();
    if (focus) question.focus();
  }

  function renumber() {
    [...pairs.children].forEach((row, index) => {
      row.querySelector('.q-label').textContent = `Question ${index + 1}`;
      row.querySelector('.icon-button').setAttribute('aria-label', `Remove question ${index + 1}`);
    });
  }

  function collectAnswers() {
    const answers = {};
    const problems = [];
    [...pairs.children].forEach((row, index) => {
      const question = row.querySelector('[data-testid="project-question"]').value.trim();
      const answer = row.querySelector('[data-testid="project-answer"]').value.trim();
      if (!question && !answer) return;
      if (!question) problems.push(`Question ${index + 1} has an answer but no question.`);
      else if (Object.hasOwn(answers, question)) problems.push(`Question ${index + 1} is asked twice.`);
      else answers[question] = answer;
    });
    return {answers, problems};
  }

  function showErrors(lines) {
    replace(error, lines.length === 1 ? el('p', {text: lines[0]}) : el('ul', {}, lines.map(line => el('li', {text: line}))));
    error.hidden = false;
  }

  addPair(false);
  const form = el('form', {class: 'stack', attrs: {novalidate: ''}, onSubmit: async event => {
    event.preventDefault();
    error.hidden = true;
    ideaError.hidden = true;
    idea.removeAttribute('aria-invalid');
    const {answers, problems} = collectAnswers();
    if (!idea.value.trim()) {
      ideaError.textContent = 'Describe the idea first: the documents are written from it.';
      ideaError.hidden = false;
      idea.setAttribute('aria-invalid', 'true');
      idea.focus();
      return;
    }
    if (problems.length) { showErrors(problems); return; }
    create.disabled = true;
    const body = {idea: idea.value.trim(), answers};
    if (name.value.trim()) body.name = name.value.trim();
    try {
      const reply = await post('/api/projects', body);
      onCreated(reply.data);
    } catch (failure) {
      const fieldErrors = failure.problem?.errors || [];
      showErrors(failure.status === 422 && fieldErrors.length
        ? fieldErrors.map(e => `${labelFor(e.path)}: ${e.message}`) : [describe(failure)]);
    } finally {
      create.disabled = false;
    }
  }},
  el('div', {class: 'field'}, el('label', {for: ideaId, text: 'The idea'}), idea, ideaError),
  el('div', {class: 'field'}, el('label', {for: nameId, text: 'Name'}), name),
  el('fieldset', {class: 'qa'}, el('legend', {text: 'Questions and answers'}), pairs, add),
  error,
  el('div', {class: 'button-row'}, create));
  idea.setAttribute('aria-describedby', ideaError.id);
  return form;
}

function labelFor(path) {
  const field = String(path || '').replace(/^\//, '').split('/')[0];
  return {idea: 'The idea', name: 'Name', answers: 'Questions and answers'}[field] || field || 'The project';
}
