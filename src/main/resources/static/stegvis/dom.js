// Stegvis: what every page and webapp plugin of Stegvis builds the page with. Plain ES module,
// served at <context path>/stegvis/dom.js; the Tasklist and Cockpit plugins import it from there.
// Everything that comes from the server is put into the page as text (textContent), never as HTML.

// The application's API lives at <context path>/api, beside this folder.
export function apiUrl(path) {
  return new URL(`..${path}`, import.meta.url).href;
}

export function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child)) : child);
  }
  return node;
}

// A plugin's stylesheet, added to the webapp's page once.
export function loadStylesheet(href, key) {
  if (!document.querySelector(`link[data-stegvis="${key}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.setAttribute('data-stegvis', key);
    document.head.appendChild(link);
  }
}
