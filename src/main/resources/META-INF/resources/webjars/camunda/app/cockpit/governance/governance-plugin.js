// The governance view inside Cockpit: the portfolio on the start page and on its own page
// (#/governance, linked from the header), and an engagement's timeline (#/governance?engagement=<id>). It reads /api with the person's
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

function rag(health) {
  const value = health || 'NO_DATA';
  return element('span', {class: 'gv-rag gv-rag-' + value, 'data-health': value},
    value === 'NO_DATA' ? 'no data' : value);
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

function date(value) {
  return value ? new Date(value).toLocaleString() : '';
}

function renderPortfolio(container, portfolio) {
  const summary = portfolio.summary;
  const levels = summary.openEscalationsByLevel;
  container.appendChild(element('div', {class: 'gv-tiles'},
    tile('engagements', summary.engagements, 'engagements'),
    tile('green / amber / red', summary.byHealth.GREEN + ' / ' + summary.byHealth.AMBER + ' / ' + summary.byHealth.RED, 'health'),
    tile('overdue action items', summary.overdueActionItems, 'overdueActionItems'),
    tile('open escalations (level 1 / 2 / 3)', levels['1'] + ' / ' + levels['2'] + ' / ' + levels['3'], 'openEscalations'),
    tile('renewals due within 90 days', summary.renewalsDueWithin90Days, 'renewalsDueWithin90Days'),
    tile('renewals due within 180 days', summary.renewalsDueWithin180Days, 'renewalsDueWithin180Days')));

  if (portfolio.engagements.length === 0) {
    container.appendChild(message('info', 'No engagements to show: you are not a stakeholder of any engagement yet.'));
    return;
  }
  const rows = portfolio.engagements.map(entry => {
    const escalations = entry.openEscalationsByLevel;
    const openEscalations = Object.values(escalations).reduce((sum, count) => sum + count, 0);
    return element('tr', {'data-engagement': entry.id},
      element('td', {}, element('a', {href: '#' + ROUTE + '?engagement=' + entry.id, class: 'gv-engagement'}, entry.name),
        element('div', {class: 'gv-sub'}, entry.client + ' / ' + entry.provider)),
      element('td', {'data-column': 'phase'}, entry.phase),
      element('td', {'data-column': 'health'}, rag(entry.health)),
      element('td', {'data-column': 'trend'}, sparkline(entry.attainmentTrend)),
      element('td', {'data-column': 'nextCall'}, entry.nextCall ? date(entry.nextCall.startsAt) : '—'),
      element('td', {'data-column': 'overdueActionItems', class: entry.overdueActionItems > 0 ? 'gv-due' : null},
        entry.overdueActionItems),
      element('td', {'data-column': 'openEscalations', title: 'level 1: ' + escalations['1'] + ', level 2: '
          + escalations['2'] + ', level 3: ' + escalations['3']},
        openEscalations === 0 ? '0' : escalations['1'] + ' / ' + escalations['2'] + ' / ' + escalations['3']),
      element('td', {'data-column': 'noticeDate', class: entry.renewalDueWithin90Days ? 'gv-due' : null},
        entry.noticeDate + (entry.renewalDueWithin180Days ? ' (' + entry.daysToNoticeDate + ' days)' : '')));
  });
  container.appendChild(element('table', {class: 'gv-portfolio'},
    element('thead', {}, element('tr', {},
      ['Engagement', 'Phase', 'RAG', 'Attainment (6 months)', 'Next call', 'Overdue actions',
        'Open escalations (L1 / L2 / L3)', 'Notice date'].map(title => element('th', {}, title)))),
    element('tbody', {}, rows)));
  if (portfolio.page.totalPages > 1) {
    container.appendChild(element('p', {class: 'gv-category'}, 'Showing ' + portfolio.engagements.length + ' of '
      + portfolio.page.totalElements + ' engagements; the CSV export holds up to 200.'));
  }
}

function renderTimeline(container, timeline) {
  if (timeline.events.length === 0) {
    container.appendChild(message('info', 'Nothing has happened in this engagement yet.'));
    return;
  }
  const rows = timeline.events.slice().reverse().map(event => element('tr', {'data-action': event.action},
    element('td', {}, date(event.at)),
    element('td', {}, element('span', {class: 'gv-category'}, event.category.toLowerCase().replace('_', '-'))),
    element('td', {}, event.title || event.action),
    element('td', {}, event.summary || ''),
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
  const view = element('section', {class: 'governance-view', id: 'governance-portfolio', style: padded ? 'padding: 16px' : null});
  const exportButton = element('button', {class: 'btn btn-default btn-sm', type: 'button'}, 'Export CSV');
  view.appendChild(element('div', {class: 'gv-toolbar'}, element('h3', {}, 'Governance portfolio'), exportButton));
  const body = element('div', {}, message('info', 'Loading the portfolio…'));
  view.appendChild(body);
  node.appendChild(view);
  exportButton.addEventListener('click', () => download('/api/portfolio?size=200', 'portfolio.csv')
    .catch(failure => body.prepend(message('error', failure.message))));
  loadInto(view, body, read('/api/portfolio?size=50'), portfolio => renderPortfolio(body, portfolio),
    'The governance portfolio could not be loaded.');
}

function engagementIdFromLocation() {
  const query = (window.location.hash.split('?')[1] || '');
  const id = new URLSearchParams(query).get('engagement');
  return id && /^[0-9]+$/.test(id) ? id : null;
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
  const view = element('section', {class: 'governance-view', id: 'governance-engagement', style: 'padding: 16px'});
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
      heading.textContent = engagement.name + ' — ' + engagement.phase.toLowerCase();
      if (engagement.lifecycleProcessInstanceId && engagement.phase !== 'CLOSED') {
        body.appendChild(element('p', {}, element('a', {
          href: cockpitUrl('/process-instance/' + engagement.lifecycleProcessInstanceId + '/runtime')
        }, 'Lifecycle process in Cockpit')));
      }
      renderTimeline(body, timeline);
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
