// Stegvis: Cockpit configuration. Replaces the default config.js of the Camunda webjar (all of
// whose settings are commented out), so only what is set here applies.
export default {
  // Swedish first (locales/sv.json), English as the fallback for texts Stegvis's use never shows.
  locales: {
    availableLocales: ['sv', 'en'],
    fallbackLocale: 'en'
  },

  // Plugins (ES modules, paths relative to /camunda/app/cockpit/): "Försenade steg" on the dashboard,
  // the page "Rapport" (steering-group report) with its link in the header, "Sök deltagare" in the
  // header, and what all three
  // webapps share (/stegvis/webapp-chrome.js: lang="sv", no end-of-life banner, accessible names).
  customScripts: ['scripts/stegvis-overdue.js', 'scripts/stegvis-report.js', 'scripts/stegvis-search.js',
    '../../../stegvis/webapp-chrome.js']
};
