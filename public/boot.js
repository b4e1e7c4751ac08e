// Runs before the first paint of every page Tend serves (index.html and help.html).
// 1. Puts the person's own theme, colour, text size and motion on <html>, as the app
//    does once it has started (platform/dom.rs, apply_settings), so the page does not
//    change size or colour when it does.
// 2. Hides the page's line for browsers with no script ("needs JavaScript"; a class
//    rather than <noscript>, which some browsers and tools parse as script-on), and
//    shows its plain "Tend couldn't start" line, beside Help now, if the app fails to
//    load or start (a blocked or broken download, an old browser). The app hides and
//    then removes the static page as it starts, so later errors change nothing here.
// 3. On a first visit to the home page (no age band yet, and not a parent), shows the
//    welcome's top that index.html carries, as the app will (src/ui/home.rs,
//    instead_of_home), so what Tend is can be read before any WebAssembly arrives. For
//    anyone else, the script just after it in the page takes it out.
// 4. Keeps the browser's offer to install Tend (`beforeinstallprompt`), which can come
//    before the app has started, for Settings' "Add Tend to your home screen"
//    (platform/install.rs reads it from the same place).
(() => {
  const root = document.documentElement;
  root.classList.add('scripted'); // hides the page's "needs JavaScript" line
  let data = {};
  try {
    data = JSON.parse(localStorage.getItem('tend.settings') || 'null')?.data || {};
    const attrs = { theme: 'theme', accent: 'accent', text: 'text_size', motion: 'motion', band: 'band' };
    for (const [attr, key] of Object.entries(attrs)) {
      if (typeof data[key] === 'string') root.setAttribute(`data-${attr}`, data[key]);
    }
  } catch {
    // Storage blocked or unreadable: the app says so once it starts.
  }
  const home = location.pathname === '/' || location.pathname === '/welcome';
  if (home && typeof data.band !== 'string' && data.who !== 'parent') root.classList.add('first-visit');
  const failed = () => {
    const boot = document.getElementById('boot');
    if (boot && !boot.hidden) root.classList.add('boot-failed');
  };
  addEventListener('error', failed, true); // a file that did not load, or a script error
  addEventListener('unhandledrejection', failed); // the WebAssembly did not arrive or start
  addEventListener('beforeinstallprompt', (e) => {
    window.tendInstallOffer = e;
  });
  addEventListener('appinstalled', () => {
    window.tendInstallOffer = null;
  });
})();
