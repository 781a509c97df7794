// Welcome configuration of the BPO governance engine (replaces the webjar's default config.js).
// The product's name in the header and the page title; no question for Camunda's distribution
// welcome page on the login page (see security/FirstVisitCheck); the API's page among the links.
// Welcome is the login page the service sends a person to from Swagger UI: after the login,
// governance/return-after-login.js opens the page they came from.
export default {
  app: {
    name: 'Welcome',
    vendor: 'BPO Governance'
  },
  disableWelcomeMessage: true,
  customScripts: ['governance/return-after-login.js'],
  links: [
    {
      label: 'Governance API (Swagger UI)',
      href: '../../../../swagger-ui/index.html',
      description: 'The REST API of the governance engine: engagements, reviews, action items, escalations, the portfolio'
    }
  ]
};
