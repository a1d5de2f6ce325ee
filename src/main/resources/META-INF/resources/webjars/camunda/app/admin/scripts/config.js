// Stegvis: Admin configuration. Replaces the default config.js of the Camunda webjar (all of
// whose settings are commented out), so only what is set here applies.
export default {
  // Swedish first (locales/sv.json), English as the fallback for texts Stegvis's use never shows.
  locales: {
    availableLocales: ['sv', 'en'],
    fallbackLocale: 'en'
  },

  // What all three webapps share (/stegvis/webapp-chrome.js: lang="sv", no end-of-life banner,
  // accessible names for the header's icon-only controls).
  customScripts: ['../../../stegvis/webapp-chrome.js']
};
