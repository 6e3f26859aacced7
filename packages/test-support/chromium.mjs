// Debian's Chromium, launched headless the one way every browser test and benchmark does:
// Playwright's own browser download can't work on these machines. Plain JavaScript so that
// benchmarks written as .mjs import it too.

/** Where Chromium is; WHARF_CHROMIUM overrides it. */
export const CHROMIUM_EXECUTABLE = process.env.WHARF_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless run as root in a container, with nothing calling home. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Chromium builds its omnibox popup (a WebUI page of ~400 modules) in a renderer of its own for
  // each new window, i.e. each Playwright context: ~1 s of CPU on this machine's two cores, taken
  // from the page under test while it loads. A person's browser built it once, long before.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

/** Playwright `launchOptions` for Debian's Chromium. */
export const chromiumLaunchOptions = () => ({
  executablePath: CHROMIUM_EXECUTABLE,
  args: [...CHROMIUM_FLAGS],
});
