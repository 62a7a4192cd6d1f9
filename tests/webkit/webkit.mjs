// A WebKit session for the WebKit tests: WebKitGTK's MiniBrowser, started in automation mode by
// the WebKitWebDriver that xtask runs under Xvfb ($WEBKIT_WEBDRIVER_URL). Each session is a
// device of its own: its storage is ephemeral, kept across reloads within the session and gone
// with it.
import { Builder, Capability } from 'selenium-webdriver';
import '../webdriver/helpers.mjs';

const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * A new MiniBrowser session, its window 1000 × 900; with `dark`, for a reader who prefers dark
 * (the MiniBrowser's --dark-mode: the preference is fixed for the session's life).
 */
export async function startWebKit({ dark = false } = {}) {
  const session = await new Builder()
    .disableEnvironmentOverrides()
    .usingServer(process.env.WEBKIT_WEBDRIVER_URL || 'http://127.0.0.1:4444')
    .withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', ...(dark ? ['--dark-mode'] : [])] },
      [Capability.TIMEOUTS]: { script: 10_000, pageLoad: 30_000, implicit: 0 },
    })
    .build();
  try {
    await session.manage().window().setRect({ width: 1000, height: 900 });
  } catch {
    // A window that cannot be resized keeps Xvfb's default size; the tests scroll as needed.
  }
  return session;
}
