// Stegvis: Cockpit configuration. Replaces the default config.js of the Camunda webjar (all of
// whose settings are commented out), so only what is set here applies.
export default {
  // Plugins (ES modules, paths relative to /camunda/app/cockpit/): "Försenade steg" on the dashboard,
  // and the page "Rapport" (steering-group report) with its link in the header.
  customScripts: ['scripts/stegvis-overdue.js', 'scripts/stegvis-report.js']
};
