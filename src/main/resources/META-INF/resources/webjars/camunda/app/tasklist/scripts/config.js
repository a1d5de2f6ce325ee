// Stegvis: Tasklist configuration. Replaces the default config.js of the Camunda webjar, so the
// default keyboard shortcuts are repeated here.
export default {
  // Swedish first (locales/sv.json), English as the fallback.
  locales: {
    availableLocales: ['sv', 'en'],
    fallbackLocale: 'en'
  },

  // Plugins (ES modules, paths relative to /camunda/app/tasklist/). The "Ärende" tab of a task.
  customScripts: ['scripts/stegvis-case.js'],

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
