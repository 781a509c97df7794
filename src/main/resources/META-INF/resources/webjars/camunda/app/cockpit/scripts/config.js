// Cockpit configuration of the BPO governance engine (replaces the webjar's default config.js).
// The governance view is a plain JavaScript module served by the application itself.
export default {
  app: {
    name: 'Cockpit',
    vendor: 'BPO Governance'
  },
  customScripts: ['governance/governance-plugin.js'],
  disableWelcomeMessage: true
};
