// Admin configuration of the BPO governance engine (replaces the webjar's default config.js).
// The product's name in the header and the page title; no question for Camunda's distribution
// welcome page on the login page (see security/FirstVisitCheck).
export default {
  app: {
    name: 'Admin',
    vendor: 'BPO Governance'
  },
  disableWelcomeMessage: true
};
