// Accessibility: axe-core finds no violations on any demo page (the page and every widget's
// open shadow root), in light and in dark colour-scheme emulation, both as the page loads and
// with a question ticked and every Backup and Start my post panel open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeViolations,
  demoPages,
  formatViolations,
  launch,
  pageUrl,
  tickAndOpenBackups,
  waitEveryWidget,
} from './helpers.mjs';

// Read at load time so that every page in www/demo is tested, new ones included.
const PAGES = await demoPages();
const SCHEMES = ['light', 'dark'];
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

for (const name of PAGES) {
  for (const colorScheme of SCHEMES) {
    test(`${name} (${colorScheme}): no axe-core violations`, async () => {
      const context = await browser.newContext({ colorScheme });
      try {
        const page = await context.newPage();
        await page.goto(pageUrl(name));
        await waitEveryWidget(page);
        const report = [];
        const loaded = await axeViolations(page);
        if (loaded.length) report.push(`As loaded:\n${formatViolations(loaded)}`);

        await tickAndOpenBackups(page);
        const open = await axeViolations(page);
        if (open.length) report.push(`With a question ticked, Backup and Start my post open:\n${formatViolations(open)}`);

        assert.equal(report.length, 0, `axe-core violations on ${name} (${colorScheme}):\n${report.join('\n\n')}`);
      } finally {
        await context.close();
      }
    });
  }
}
