// The governance view inside Cockpit: the portfolio on the start page and on its own page
// (#/governance, linked from the header), an engagement's timeline (#/governance?engagement=<id>) and,
// for officers, the deployed versions of every process (#/governance?processes). It reads /api with the person's
// Cockpit login, so everyone sees exactly the engagements the API shows them.

const ROUTE = '/governance';

function appRoot() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('app-root')) || '';
}

// The /api lives at the application's root; Cockpit at <root>/camunda (camunda.bpm.webapp.application-path).
function apiUrl(path) {
  return appRoot().replace(/\/camunda\/?$/, '') + path;
}

function cockpitUrl(hash) {
  return appRoot() + '/app/cockpit/default/#' + hash;
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => {
    if (child !== undefined && child !== null) {
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
  });
  return node;
}

function stylesheet() {
  if (!document.getElementById('governance-view-css')) {
    document.head.appendChild(element('link', {
      id: 'governance-view-css', rel: 'stylesheet', type: 'text/css',
      href: appRoot() + '/app/cockpit/governance/governance.css'
    }));
  }
}

const ANSWER_WITHIN_MS = 20000;

async function read(path, accept) {
  let response;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ANSWER_WITHIN_MS);
  try {
    response = await fetch(apiUrl(path), {
      credentials: 'same-origin', headers: {Accept: accept || 'application/json'}, signal: abort.signal
    });
  } catch (failure) {
    throw new Error(abort.signal.aborted
      ? 'The governance service did not answer within ' + (ANSWER_WITHIN_MS / 1000) + ' seconds. Try again in a moment.'
      : 'The governance service cannot be reached (' + failure.message + '). Try again in a moment.');
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    let detail = '';
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || '';
    } catch (notJson) {
      detail = response.statusText;
    }
    const reason = response.status === 401 ? 'Your login has expired: sign in again.'
      : response.status === 403 ? 'You may not see this.'
        : response.status === 404 ? 'This engagement does not exist or is not one of yours.'
          : 'The governance service answered ' + response.status + '.';
    throw new Error(reason + (detail ? ' ' + detail : ''));
  }
  return accept === 'text/csv' ? response.text() : response.json();
}

function message(kind, text) {
  return element('div', {class: 'gv-message gv-' + kind, role: kind === 'error' ? 'alert' : 'status'}, text);
}

function download(path, fileName) {
  return read(path, 'text/csv').then(text => {
    const link = element('a', {href: URL.createObjectURL(new Blob([text], {type: 'text/csv'})), download: fileName});
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
}

function words(code) {
  const text = String(code || '').replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function concernText(concern) {
  return concern.metric + ' ' + concern.measured + ' ' + concern.unit + ' (target ' + concern.target + ' ' + concern.unit + ')';
}

// The RAG badge, with a line under it that says why: the amber and red metrics, or why there is no data.
function rag(entry) {
  const value = entry.health || 'NO_DATA';
  const concerns = entry.healthConcerns || [];
  const explanation = value === 'NO_DATA' ? (entry.noDataReason || '')
    : ['RED', 'AMBER'].filter(level => concerns.some(c => c.health === level))
      .map(level => level.toLowerCase() + ': ' + concerns.filter(c => c.health === level).map(c => c.metric).join(', '))
      .join('; ');
  const tooltip = value === 'NO_DATA' ? explanation
    : (entry.healthPeriod ? 'Health of ' + entry.healthPeriod : '')
      + concerns.map(c => '\n' + c.health.toLowerCase() + ': ' + concernText(c)).join('');
  return element('span', {class: 'gv-health', title: tooltip || null},
    element('span', {class: 'gv-rag gv-rag-' + value, 'data-health': value}, words(value)),
    explanation ? element('div', {class: 'gv-sub gv-health-why'}, explanation) : null);
}

// A small line chart of weighted attainment (0 to 100 %) over the last months.
function sparkline(points) {
  const width = 110;
  const height = 28;
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  const known = points.map((point, index) => ({index, value: point.weightedAttainment}))
    .filter(point => point.value !== null && point.value !== undefined);
  const title = document.createElementNS(svgNs, 'title');
  title.textContent = points.map(p => p.period + ': ' + (p.weightedAttainment === null ? 'no data' : p.weightedAttainment + ' %')).join(', ');
  svg.appendChild(title);
  if (known.length === 0) {
    return element('span', {class: 'gv-category'}, 'no data');
  }
  const x = index => 4 + index * (width - 8) / Math.max(points.length - 1, 1);
  const y = value => height - 3 - (Number(value) / 100) * (height - 6);
  const line = document.createElementNS(svgNs, 'polyline');
  line.setAttribute('points', known.map(point => x(point.index) + ',' + y(point.value)).join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#1a73e8');
  line.setAttribute('stroke-width', '2');
  svg.appendChild(line);
  known.forEach(point => {
    const dot = document.createElementNS(svgNs, 'circle');
    dot.setAttribute('cx', x(point.index));
    dot.setAttribute('cy', y(point.value));
    dot.setAttribute('r', '2');
    dot.setAttribute('fill', '#1a73e8');
    svg.appendChild(dot);
  });
  return element('span', {class: 'gv-trend', 'data-latest': known[known.length - 1].value}, svg,
    ' ' + known[known.length - 1].value + ' %');
}

function tile(label, figure, name) {
  return element('div', {class: 'gv-tile', 'data-figure': name},
    element('span', {class: 'gv-figure'}, String(figure)), element('span', {class: 'gv-label'}, label));
}

// Dates and times as people write them, in the engagement's time zone when it is known.
function date(value, timeZone) {
  if (!value) {
    return '';
  }
  const options = {weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit'};
  try {
    return new Intl.DateTimeFormat('en-GB', Object.assign(options, timeZone ? {timeZone} : {})).format(new Date(value))
      + (timeZone ? ' (' + timeZone + ')' : '');
  } catch (unknownZone) {
    return new Date(value).toLocaleString('en-GB');
  }
}

function day(isoDate) {
  const [year, month, dayOfMonth] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'})
    .format(new Date(Date.UTC(year, month - 1, dayOfMonth)));
}

const SORTABLE = {health: 'RAG', overdueActionItems: 'Overdue actions', openEscalations: 'Open escalations (L1 / L2 / L3)',
  noticeDate: 'Notice date', name: 'Engagement'};
const WORST_FIRST = ['health', 'overdueActionItems', 'openEscalations'];

function portfolioPath(query, size) {
  const parameters = new URLSearchParams({size: String(size)});
  ['health', 'sort', 'noticeWithinDays'].forEach(name => query[name] && parameters.set(name, query[name]));
  ['openEscalations', 'overdueActions', 'relationshipAtRisk'].forEach(name => query[name] && parameters.set(name, 'true'));
  return '/api/portfolio?' + parameters.toString();
}

function sortOf(query) {
  const [key, direction] = (query.sort || 'name').split(',');
  return {key, descending: direction ? direction === 'desc' : WORST_FIRST.includes(key)};
}

function heading(title, key, query, onChange) {
  if (!key) {
    return element('th', {}, title);
  }
  const sort = sortOf(query);
  const active = sort.key === key;
  const link = element('a', {href: '', class: 'gv-sort', 'data-sort': key, role: 'button'}, title,
    active ? (sort.descending ? ' ▼' : ' ▲') : '');
  link.addEventListener('click', event => {
    event.preventDefault();
    const descending = active ? !sort.descending : WORST_FIRST.includes(key);
    onChange(Object.assign({}, query, {sort: key + (descending ? ',desc' : ',asc')}));
  });
  return element('th', {'aria-sort': active ? (sort.descending ? 'descending' : 'ascending') : null}, link);
}

function choice(label, name, options, value, onChange) {
  const select = element('select', {class: 'form-control input-sm', 'data-filter': name},
    options.map(([optionValue, text]) => {
      const option = element('option', {value: optionValue}, text);
      option.selected = String(value || '') === optionValue;
      return option;
    }));
  select.addEventListener('change', () => onChange(select.value));
  return element('label', {class: 'gv-filter'}, label + ' ', select);
}

function tick(label, name, checked, onChange) {
  const box = element('input', {type: 'checkbox', 'data-filter': name});
  box.checked = !!checked;
  box.addEventListener('change', () => onChange(box.checked));
  return element('label', {class: 'gv-filter'}, box, ' ' + label);
}

function filters(query, onChange) {
  const set = (name, value) => onChange(Object.assign({}, query, {[name]: value}));
  return element('div', {class: 'gv-filters'},
    choice('RAG', 'health', [['', 'all'], ['RED', 'red'], ['AMBER', 'amber'], ['RED,AMBER', 'red or amber'],
      ['GREEN', 'green'], ['NO_DATA', 'no data']], query.health, value => set('health', value)),
    tick('with open escalations', 'openEscalations', query.openEscalations, value => set('openEscalations', value)),
    tick('with overdue actions', 'overdueActions', query.overdueActions, value => set('overdueActions', value)),
    tick('relationship at risk', 'relationshipAtRisk', query.relationshipAtRisk, value => set('relationshipAtRisk', value)),
    choice('Notice date', 'noticeWithinDays', [['', 'any'], ['90', 'within 90 days'], ['180', 'within 180 days']],
      query.noticeWithinDays, value => set('noticeWithinDays', value)));
}

function renderPortfolio(container, portfolio, query, onChange) {
  const summary = portfolio.summary;
  const levels = summary.openEscalationsByLevel;
  container.appendChild(element('div', {class: 'gv-tiles'},
    tile('engagements', summary.engagements, 'engagements'),
    tile('green / amber / red', summary.byHealth.GREEN + ' / ' + summary.byHealth.AMBER + ' / ' + summary.byHealth.RED, 'health'),
    tile('overdue action items', summary.overdueActionItems, 'overdueActionItems'),
    tile('open escalations (level 1 / 2 / 3)', levels['1'] + ' / ' + levels['2'] + ' / ' + levels['3'], 'openEscalations'),
    tile('renewals due within 90 days', summary.renewalsDueWithin90Days, 'renewalsDueWithin90Days'),
    tile('renewals due within 180 days', summary.renewalsDueWithin180Days, 'renewalsDueWithin180Days')));

  if (summary.engagements === 0) {
    container.appendChild(message('info', 'No engagements to show: you are not a stakeholder of any engagement yet.'));
    return;
  }
  container.appendChild(filters(query, onChange));
  if (portfolio.engagements.length === 0) {
    container.appendChild(message('info', 'No engagement matches these filters.'));
    return;
  }
  const rows = portfolio.engagements.map(entry => {
    const escalations = entry.openEscalationsByLevel;
    const openEscalations = Object.values(escalations).reduce((sum, count) => sum + count, 0);
    return element('tr', {'data-engagement': entry.id},
      element('td', {}, element('a', {href: '#' + ROUTE + '?engagement=' + entry.id, class: 'gv-engagement'}, entry.name),
        element('div', {class: 'gv-sub'}, entry.client + ' / ' + entry.provider)),
      element('td', {'data-column': 'phase', 'data-phase': entry.phase}, words(entry.phase)),
      element('td', {'data-column': 'health'}, rag(entry)),
      element('td', {'data-column': 'trend'}, sparkline(entry.attainmentTrend)),
      element('td', {'data-column': 'nextCall'}, entry.nextCall
        ? element('span', {title: entry.nextCall.title}, date(entry.nextCall.startsAt, entry.nextCall.timeZone)) : '—'),
      element('td', {'data-column': 'overdueActionItems', class: entry.overdueActionItems > 0 ? 'gv-due' : null},
        entry.overdueActionItems),
      element('td', {'data-column': 'openEscalations', title: 'level 1: ' + escalations['1'] + ', level 2: '
          + escalations['2'] + ', level 3: ' + escalations['3']},
        openEscalations === 0 ? '0' : escalations['1'] + ' / ' + escalations['2'] + ' / ' + escalations['3']),
      element('td', {'data-column': 'relationship', class: entry.relationshipAtRisk ? 'gv-due' : null,
        title: 'Relationship survey: index of the last round (1 to 5) and the gap between the two sides\' views'},
        entry.relationshipIndex === null ? '—' : entry.relationshipIndex + (entry.relationshipGap === null ? ''
          : ' (gap ' + entry.relationshipGap + ')')),
      element('td', {'data-column': 'sharedAchievements', title: 'Improvement initiatives adopted'},
        entry.sharedAchievements),
      element('td', {'data-column': 'noticeDate', 'data-notice-date': entry.noticeDate,
        class: entry.renewalDueWithin90Days ? 'gv-due' : null},
        day(entry.noticeDate) + (entry.renewalDueWithin180Days ? ' (' + entry.daysToNoticeDate + ' days)' : '')));
  });
  container.appendChild(element('table', {class: 'gv-portfolio'},
    element('thead', {}, element('tr', {},
      [['Engagement', 'name'], ['Phase'], ['RAG', 'health'], ['Attainment (6 months)'], ['Next call'],
        ['Overdue actions', 'overdueActionItems'], ['Open escalations (L1 / L2 / L3)', 'openEscalations'],
        ['Relationship'], ['Shared achievements'], ['Notice date', 'noticeDate']].map(([title, key]) => heading(title, key, query, onChange)))),
    element('tbody', {}, rows)));
  if (portfolio.page.totalPages > 1) {
    container.appendChild(element('p', {class: 'gv-category'}, 'Showing ' + portfolio.engagements.length + ' of '
      + portfolio.page.totalElements + ' engagements; the CSV export holds up to 200.'));
  } else if (portfolio.page.totalElements < summary.engagements) {
    container.appendChild(element('p', {class: 'gv-category'}, portfolio.page.totalElements + ' of '
      + summary.engagements + ' engagements match these filters.'));
  }
}

function renderTimeline(container, timeline, timeZone) {
  if (timeline.events.length === 0) {
    container.appendChild(message('info', 'Nothing has happened in this engagement yet.'));
    return;
  }
  const rows = timeline.events.slice().reverse().map(event => element('tr', {'data-action': event.action},
    element('td', {}, date(event.at, timeZone)),
    element('td', {}, element('span', {class: 'gv-category'}, event.category.toLowerCase().replace('_', '-'))),
    element('td', {}, event.title || words(event.action)),
    element('td', {}, event.summary || '', event.document
      ? [' ', element('a', {href: apiUrl(event.document), target: '_blank', rel: 'noopener', class: 'gv-document'}, 'document (PDF)')]
      : null),
    element('td', {}, event.actor),
    element('td', {}, event.processInstanceId
      ? (event.processRunning
        ? element('a', {href: cockpitUrl('/process-instance/' + event.processInstanceId + '/runtime')}, 'open in Cockpit')
        : element('span', {class: 'gv-category', title: event.processInstanceId}, 'process ended'))
      : '')));
  container.appendChild(element('table', {class: 'gv-timeline'},
    element('thead', {}, element('tr', {}, ['When', 'Kind', 'What', 'Details', 'Who', 'Process']
      .map(title => element('th', {}, title)))),
    element('tbody', {}, rows)));
}

// Fills the view's body when the promise resolves, or shows what went wrong; data-loaded says which.
function loadInto(view, body, loading, render, failureText) {
  loading
    .then(data => {
      body.innerHTML = '';
      render(data);
      view.setAttribute('data-loaded', 'true');
    })
    .catch(failure => {
      body.innerHTML = '';
      body.appendChild(message('error', failureText + ' ' + failure.message));
      view.setAttribute('data-loaded', 'error');
    });
}

function showPortfolio(node, padded) {
  stylesheet();
  node.innerHTML = '';
  const view = element('section', {class: padded ? 'governance-view gv-page' : 'governance-view', id: 'governance-portfolio'});
  const exportButton = element('button', {class: 'btn btn-default btn-sm', type: 'button'}, 'Export CSV');
  view.appendChild(element('div', {class: 'gv-toolbar'}, element('h3', {}, 'Governance portfolio'), exportButton,
    padded ? element('a', {href: '#' + ROUTE + '?processes', class: 'btn btn-link btn-sm', id: 'gv-process-versions'},
      'Process versions') : null));
  const body = element('div', {}, message('info', 'Loading the portfolio…'));
  view.appendChild(body);
  node.appendChild(view);
  let query = {};
  exportButton.addEventListener('click', () => download(portfolioPath(query, 200), 'portfolio.csv')
    .catch(failure => body.prepend(message('error', failure.message))));
  const load = () => {
    view.setAttribute('data-loaded', 'false');
    loadInto(view, body, read(portfolioPath(query, 50)),
      portfolio => renderPortfolio(body, portfolio, query, changed => {
        query = changed;
        load();
      }),
      'The governance portfolio could not be loaded.');
  };
  load();
}

function engagementIdFromLocation() {
  const query = (window.location.hash.split('?')[1] || '');
  const id = new URLSearchParams(query).get('engagement');
  return id && /^[0-9]+$/.test(id) ? id : null;
}

function renderProcesses(container, processes) {
  const rows = processes.flatMap(process => process.versions.map((version, index) => element('tr',
    {'data-process': process.key, 'data-version': version.version},
    element('td', {}, index === 0 ? element('strong', {}, process.name || process.key) : ''),
    element('td', {}, 'version ' + version.version + (version.versionTag ? ' (' + version.versionTag + ')' : '')),
    element('td', {}, date(version.deployedAt)),
    element('td', {}, version.deployedBy + (version.source ? ', ' + version.source : '')),
    element('td', {class: 'gv-number'}, version.runningInstances),
    element('td', {class: 'gv-number'}, version.engagements))));
  container.appendChild(element('table', {class: 'table table-condensed gv-table'},
    element('thead', {}, element('tr', {}, element('th', {}, 'Process'), element('th', {}, 'Version'),
      element('th', {}, 'Deployed'), element('th', {}, 'By'), element('th', {}, 'Running instances'),
      element('th', {}, 'Engagements'))),
    element('tbody', {}, rows)));
  container.appendChild(element('p', {class: 'gv-note'}, 'Running instances stay on the version they started with. '
    + 'An officer moves them with POST /api/processes/{key}/migrations (dry run first); see docs/modeling.md.'));
}

function showProcesses(node) {
  const view = element('section', {class: 'governance-view gv-page', id: 'governance-processes'});
  node.appendChild(view);
  view.appendChild(element('p', {}, element('a', {href: '#' + ROUTE}, '← Governance portfolio')));
  view.appendChild(element('div', {class: 'gv-toolbar'}, element('h3', {}, 'Process versions')));
  const body = element('div', {}, message('info', 'Loading the process versions…'));
  view.appendChild(body);
  loadInto(view, body, read('/api/processes'), processes => renderProcesses(body, processes),
    'The process versions could not be loaded.');
}

function showEngagement(node) {
  stylesheet();
  node.innerHTML = '';
  const query = window.location.hash.split('?')[1];
  const id = engagementIdFromLocation();
  if (!query) {
    showPortfolio(node, true);
    return;
  }
  if (new URLSearchParams(query).has('processes')) {
    showProcesses(node);
    return;
  }
  const view = element('section', {class: 'governance-view gv-page', id: 'governance-engagement'});
  node.appendChild(view);
  view.appendChild(element('p', {}, element('a', {href: '#' + ROUTE}, '← Governance portfolio')));
  if (!id) {
    view.appendChild(message('error', 'No such engagement: open one from the governance portfolio.'));
    view.setAttribute('data-loaded', 'error');
    return;
  }
  const heading = element('h3', {}, 'Engagement ' + id);
  const exportButton = element('button', {class: 'btn btn-default btn-sm', type: 'button'}, 'Export CSV');
  view.appendChild(element('div', {class: 'gv-toolbar'}, heading, exportButton));
  const body = element('div', {}, message('info', 'Loading the timeline…'));
  view.appendChild(body);
  exportButton.addEventListener('click', () => download('/api/engagements/' + id + '/timeline',
    'engagement-' + id + '-timeline.csv').catch(failure => body.prepend(message('error', failure.message))));
  loadInto(view, body, Promise.all([read('/api/engagements/' + id), read('/api/engagements/' + id + '/timeline')]),
    ([engagement, timeline]) => {
      heading.textContent = engagement.name + ' — ' + words(engagement.phase).toLowerCase();
      if (engagement.lifecycleProcessInstanceId && engagement.phase !== 'CLOSED') {
        body.appendChild(element('p', {}, element('a', {
          href: cockpitUrl('/process-instance/' + engagement.lifecycleProcessInstanceId + '/runtime')
        }, 'Lifecycle process in Cockpit')));
      }
      renderTimeline(body, timeline, engagement.timeZone);
    },
    'The engagement could not be loaded.');
}

export default [
  {
    id: 'governance-portfolio',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: node => showPortfolio(node)
  },
  {
    id: 'governance-engagement',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE, label: 'Governance'},
    render: node => showEngagement(node)
  },
  {
    id: 'governance-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: {path: ROUTE},
    render: node => {
      node.innerHTML = '';
      node.appendChild(element('a', {href: '#' + ROUTE}, 'Governance'));
    }
  }
];
