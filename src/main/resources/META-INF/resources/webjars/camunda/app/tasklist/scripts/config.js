// Tasklist configuration of the BPO governance engine (replaces the webjar's default config.js).
// The product's name in the header and the page title; no question for Camunda's distribution
// welcome page on the login page (see security/FirstVisitCheck). Shortcuts as Camunda's default.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'BPO Governance'
  },
  disableWelcomeMessage: true,
  // Closes a form's refusal once the person has succeeded after it.
  customScripts: ['governance/notifications.js'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
