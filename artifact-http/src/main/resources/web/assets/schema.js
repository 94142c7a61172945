// What the page knows of the five document types (ARTIFACTS.md): their order, human titles, and the
// schema order of their sections. Anything not listed here is still shown, after the known sections.

export const TYPES = [
  {type: 'brief', title: 'Brief', dependsOn: [],
    about: 'The problem, who has it, the value, the constraint and what sets it apart.',
    sections: ['problem_statement', 'target_user', 'value_proposition', 'key_constraint', 'differentiation_points',
      'market_analysis', 'competitive_strategy']},
  {type: 'mvp_scope', title: 'MVP Scope', dependsOn: ['brief'],
    about: 'What the first version does, and what it deliberately does not.',
    sections: ['core_features', 'out_of_scope', 'success_metrics', 'technical_architecture', 'scalability_plan']},
  {type: 'milestones', title: 'Milestones', dependsOn: ['brief', 'mvp_scope'],
    about: 'The plan to ship it, week by week.',
    sections: ['milestones', 'critical_path', 'total_duration_weeks', 'resource_plan', 'risk_mitigation_timeline']},
  {type: 'risk_log', title: 'Risk Log', dependsOn: ['brief', 'mvp_scope'],
    about: 'What could go wrong, and what to do about it.',
    sections: ['technical_risks', 'market_risks', 'execution_risks', 'financial_risks', 'strategic_risks']},
  {type: 'how_it_works', title: 'How It Works', dependsOn: ['brief', 'mvp_scope'],
    about: 'The user’s journey and the system behind it.',
    sections: ['user_journey', 'architecture', 'data_flow', 'integration_points', 'security_compliance']},
];

export const TIERS = [
  {value: 'bootstrapper', label: 'Bootstrapper'},
  {value: 'partner', label: 'Partner'},
  {value: 'cto_scale', label: 'CTO Scale'},
];

/** Fields of record lists that take one of a few words. */
export const CHOICES = {priority: ['high', 'medium', 'low'], severity: ['high', 'medium', 'low']};

export function typeInfo(type) {
  return TYPES.find(t => t.type === type) || {type, title: humanTitle(type), dependsOn: [], about: '', sections: []};
}

/** Each word of the key capitalised, "MVP" in capitals: problem_statement → "Problem Statement". */
export function humanTitle(key) {
  return String(key).split(/[_\s]+/).filter(Boolean)
    .map(word => word.toLowerCase() === 'mvp' ? 'MVP' : word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

export function tierLabel(tier) {
  return TIERS.find(t => t.value === tier)?.label || humanTitle(tier || 'bootstrapper');
}

/** The content's section keys: schema order first, then any others in the order they came. */
export function orderedSections(type, content) {
  const present = Object.keys(content || {});
  const known = typeInfo(type).sections.filter(key => present.includes(key));
  return known.concat(present.filter(key => !known.includes(key)));
}

/** "/core_features/1/priority" → "Core Features › item 2 › Priority". */
export function humanPath(path) {
  const parts = String(path || '').replace(/^\//, '').split('/').filter(p => p !== '')
    .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts.length === 0) return 'The document';
  return parts.map(p => /^\d+$/.test(p) ? `item ${Number(p) + 1}` : humanTitle(p)).join(' › ');
}

/** The top-level section key of a path or key ("target_user" or "/core_features/1" → the first part). */
export function sectionOf(path) {
  return String(path || '').replace(/^\//, '').split('/')[0].replace(/~1/g, '/').replace(/~0/g, '~');
}
