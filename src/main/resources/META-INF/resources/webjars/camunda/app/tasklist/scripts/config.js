// Stegvis: Tasklist configuration. Replaces the default config.js of the Camunda webjar, so the
// default keyboard shortcuts are repeated here.
export default {
  // Swedish first (locales/sv.json), English as the fallback.
  locales: {
    availableLocales: ['sv', 'en'],
    fallbackLocale: 'en'
  },

  // Plugins (ES modules, paths relative to /camunda/app/tasklist/): the "Ärende" tab of a task,
  // dates kept in the language chosen for the texts, the header's "Sök deltagare" and its links
  // "Praktikplatser" and "Mina deltagare", the participant line on each task card, a question
  // before a dialog with input closes (and no engine comments: notes go in the journal), the
  // receipt of a referral started in the dialog "Starta process", and what all three webapps share
  // (/stegvis/webapp-chrome.js: lang="sv", Swedish Camunda Forms, no end-of-life banner).
  customScripts: ['scripts/stegvis-case.js', 'scripts/stegvis-date-locale.js', 'scripts/stegvis-navbar.js',
    'scripts/stegvis-search.js', 'scripts/stegvis-caseload.js', 'scripts/stegvis-card.js',
    'scripts/stegvis-keep-input.js', 'scripts/stegvis-receipt.js', '../../../stegvis/webapp-chrome.js'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'tilldelar mig den markerade uppgiften'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'flyttar fokus till första filtret i listan'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'flyttar fokus till första uppgiften i listan'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'flyttar fokus till första fältet i uppgiftens formulär'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'öppnar dialogen för att starta en process'
    }
  }
};
