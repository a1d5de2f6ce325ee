// Stegvis: dates in the language Tasklist chose (customScripts entry 'scripts/stegvis-date-locale.js').
// Camunda 7.24 applies the dateLocales of every locale file it loads, the user's (sv.json) and the
// fallback (en.json), to moment as each arrives, and each one also becomes moment's global locale:
// on a first visit whichever file arrives last decides the language of dates and "för 3 dagar
// sedan". This keeps moment on the language Tasklist chose for its texts.
window.angular.module('cam.tasklist').run(['moment', '$translate', '$rootScope', (moment, $translate, $rootScope) => {
  const chosen = () => $translate.proposedLanguage() || $translate.use();
  for (const name of ['updateLocale', 'defineLocale']) {
    const original = moment[name];
    moment[name] = function (...args) {
      const result = original.apply(this, args);
      const language = chosen();
      if (language && moment.locale() !== language && moment.locales().includes(language)) {
        moment.locale(language);
        $rootScope.$broadcast('amMoment:localeChanged');
      }
      return result;
    };
  }
}]);

export default [];
