// Blog themes cannot break the widget: on the two hostile demo themes (and the plain Blogger post
// as a control) every widget mounts, its checkboxes are shown and work, the theme's list
// decorations stay out, and the widget's computed styles are exactly those it has on a neutral
// page without theme CSS, except for what it inherits on purpose (font family, font size, colour).
// And no demo page scrolls sideways on a 320 px wide phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkboxes,
  demoPages,
  fixtureHtml,
  launch,
  overflowingElements,
  pageUrl,
  serveFixture,
  statusLine,
  tickAndOpenBackups,
  waitEveryWidget,
  watch,
  widget,
} from './helpers.mjs';

/** Theme pages and how many placeholders each has (all of them checklists). */
const THEMED = [
  { name: 'blogger-post.html', widgets: 2 },
  { name: 'hostile-reset.html', widgets: 2 },
  { name: 'hostile-dark.html', widgets: 2 },
];

/** What the widget takes from the page on purpose; everything else must be its own. */
const INHERITED_ON_PURPOSE = ['font-family', 'font-size', 'color'];

const CHECKBOX_PROPS = ['display', 'width', 'height', 'opacity', 'visibility', 'appearance', 'position'];
/** Text properties that inherit through the shadow boundary unless the widget sets them. */
const TEXT_PROPS = [
  'display',
  'text-transform',
  'letter-spacing',
  'word-spacing',
  'font-style',
  'font-weight',
  'font-variant-caps',
  'line-height',
  'text-align',
  'text-indent',
  'text-shadow',
  'white-space',
];
/** The widget's parts compared with the neutral page: [name, selector in the shadow root, properties]. */
const PARTS = [
  ['checkbox', 'ul.prompts li input[type=checkbox]', CHECKBOX_PROPS],
  ['prompt label', 'ul.prompts li label', TEXT_PROPS],
  ['prompt text', 'ul.prompts li .text', TEXT_PROPS],
  ['widget box', '.tp', TEXT_PROPS],
  ['title', 'legend .title', TEXT_PROPS],
  ['status line', '.footer [role=status]', TEXT_PROPS],
  ['button', '.footer button', [...TEXT_PROPS, 'border-top-style', 'border-top-width', 'min-height']],
  // The Backup panel, opened on both pages before comparing.
  ['backup hint', '.backup p', TEXT_PROPS],
  ['backup button', '.backup button', [...TEXT_PROPS, 'border-top-style', 'border-top-width', 'min-height']],
  ['code field', '.backup textarea', [...TEXT_PROPS, 'font-family', 'border-top-style', 'resize']],
  ['file chooser', '.backup input[type=file]', [...TEXT_PROPS, 'opacity', 'visibility']],
];

const PHONE = { width: 320, height: 640 };
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function open(context, url) {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url);
  await waitEveryWidget(page);
  return { page, log };
}

/** Opens the Backup panel of every widget on the page. */
async function openBackups(page) {
  const count = await page.locator('.thing-prompts').count();
  for (let n = 0; n < count; n++) {
    await widget(page, n).getByRole('button', { name: 'Backup', exact: true }).click();
    await widget(page, n).locator('.backup').waitFor();
  }
}

/** Computed styles of the widget's parts in placeholder `n`, keyed "part: property". */
async function widgetStyles(page, n) {
  return widget(page, n).evaluate((host, parts) => {
    const root = host.shadowRoot;
    const styles = {};
    for (const [name, selector, props] of parts) {
      const element = root.querySelector(selector);
      if (!element) {
        styles[name] = 'missing';
        continue;
      }
      const computed = getComputedStyle(element);
      for (const prop of props) styles[`${name}: ${prop}`] = computed.getPropertyValue(prop);
    }
    return styles;
  }, PARTS);
}

/**
 * A neutral copy of the page's placeholders: the same attributes and content, on a page with no
 * stylesheet at all, each given only the font family, font size and colour its host has on the
 * themed page.
 */
async function neutralCopy(page) {
  const copies = await page.evaluate((inherited) => {
    const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return [...document.querySelectorAll('.thing-prompts')].map((host) => {
      const computed = getComputedStyle(host);
      const style = inherited.map((prop) => `${prop}: ${computed.getPropertyValue(prop)}`).join('; ');
      const attributes = [...host.attributes]
        .filter((a) => a.name !== 'style')
        .map((a) => ` ${a.name}="${escape(a.value)}"`)
        .join('');
      return `<div${attributes} style="${escape(style)}">${host.innerHTML}</div>`;
    });
  }, INHERITED_ON_PURPOSE);
  return copies.join('\n');
}

for (const { name, widgets } of THEMED) {
  test(`${name}: every widget mounts, its checkboxes are shown and can be ticked`, async () => {
    const context = await browser.newContext();
    try {
      const { page, log } = await open(context, pageUrl(name));
      assert.equal(await page.locator('.thing-prompts').count(), widgets);
      for (let n = 0; n < widgets; n++) {
        assert.equal(await widget(page, n).locator('.tp:not(.error)').count(), 1, `widget ${n} is a checklist`);
        const boxes = checkboxes(page, n);
        const total = await boxes.count();
        assert.ok(total >= 3, `widget ${n} shows its questions (${total})`);
        const first = boxes.first();
        const shown = await first.evaluate((input) => {
          const style = getComputedStyle(input);
          const box = input.getBoundingClientRect();
          return {
            display: style.display,
            visibility: style.visibility,
            opacity: style.opacity,
            appearance: style.appearance,
            width: box.width,
            height: box.height,
          };
        });
        assert.notEqual(shown.display, 'none', `widget ${n}: checkbox display`);
        assert.equal(shown.visibility, 'visible', `widget ${n}: checkbox visibility`);
        assert.equal(shown.opacity, '1', `widget ${n}: checkbox opacity`);
        assert.notEqual(shown.appearance, 'none', `widget ${n}: checkbox appearance`);
        assert.ok(shown.width > 10 && shown.height > 10, `widget ${n}: checkbox is ${shown.width}×${shown.height}px`);
        assert.equal(await first.isVisible(), true);

        // A real click on the box (Playwright checks that nothing of the theme covers it) ticks it.
        await first.click();
        assert.equal(await first.isChecked(), true, `widget ${n}: a click ticks the first question`);
        assert.equal((await statusLine(page, n).textContent()).trim(), `1 of ${total} answered`);
        // Clicking the question's text ticks its box too: the label is intact.
        await widget(page, n).locator('ul.prompts li .text').nth(1).click();
        assert.equal(await boxes.nth(1).isChecked(), true, `widget ${n}: clicking the second question's text ticks it`);
        assert.equal((await statusLine(page, n).textContent()).trim(), `2 of ${total} answered`);
      }
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.widgetWarnings(), []);
    } finally {
      await context.close();
    }
  });

  test(`${name}: the theme's list decorations do not reach the widget's questions`, async () => {
    const context = await browser.newContext();
    try {
      const { page } = await open(context, pageUrl(name));
      for (let n = 0; n < widgets; n++) {
        const decorations = await widget(page, n)
          .locator('ul.prompts > li')
          .evaluateAll((items) =>
            items.map((li) => ({
              before: getComputedStyle(li, '::before').content,
              after: getComputedStyle(li, '::after').content,
              listStyle: getComputedStyle(li).listStyleType,
              marker: getComputedStyle(li, '::marker').content,
            })),
          );
        assert.ok(decorations.length >= 3);
        for (const [i, d] of decorations.entries()) {
          assert.ok(['none', 'normal'].includes(d.before), `widget ${n}, question ${i}: ::before content is ${d.before}`);
          assert.ok(['none', 'normal'].includes(d.after), `widget ${n}, question ${i}: ::after content is ${d.after}`);
          assert.equal(d.listStyle, 'none', `widget ${n}, question ${i}: list-style-type`);
        }
      }
    } finally {
      await context.close();
    }
  });

  test(`${name}: the widget computes the same styles as on a neutral page (bar font family, size and colour)`, async () => {
    const context = await browser.newContext();
    try {
      const { page } = await open(context, pageUrl(name));
      await openBackups(page);
      const themed = [];
      for (let n = 0; n < widgets; n++) themed.push(await widgetStyles(page, n));

      const fixture = await serveFixture(
        context,
        `neutral-${name.replace(/\.html$/, '')}`,
        fixtureHtml(await neutralCopy(page), { title: `Neutral copy of ${name}` }),
      );
      const neutral = await context.newPage();
      await neutral.goto(fixture);
      await waitEveryWidget(neutral);
      assert.equal(await neutral.locator('.thing-prompts').count(), widgets);
      await openBackups(neutral);

      const differences = [];
      for (let n = 0; n < widgets; n++) {
        const plain = await widgetStyles(neutral, n);
        const missing = Object.keys(themed[n]).filter((key) => themed[n][key] === 'missing');
        assert.deepEqual(missing, [], `widget ${n}: parts found on the themed page`);
        for (const key of Object.keys(plain)) {
          if (themed[n][key] !== plain[key]) {
            differences.push(`widget ${n} ${key}: "${themed[n][key]}" on the theme, "${plain[key]}" on a neutral page`);
          }
        }
      }
      assert.deepEqual(differences, [], `styles leak from the ${name} theme into the widget:\n  ${differences.join('\n  ')}`);
    } finally {
      await context.close();
    }
  });
}

const PAGES = await demoPages();

for (const name of PAGES) {
  test(`${name}: no sideways scrolling at 320 px wide, as loaded and with Backup open`, async () => {
    const context = await browser.newContext({ viewport: PHONE });
    try {
      const { page } = await open(context, pageUrl(name));
      const problems = [];
      const loaded = await page.evaluate(() => document.documentElement.scrollWidth);
      if (loaded > PHONE.width) {
        problems.push(`as loaded: scrollWidth ${loaded}px\n    ${(await overflowingElements(page, PHONE.width)).join('\n    ')}`);
      }
      await tickAndOpenBackups(page);
      const opened = await page.evaluate(() => document.documentElement.scrollWidth);
      if (opened > PHONE.width) {
        problems.push(`with Backup open: scrollWidth ${opened}px\n    ${(await overflowingElements(page, PHONE.width)).join('\n    ')}`);
      }
      assert.deepEqual(problems, [], `${name} is wider than ${PHONE.width}px:\n  ${problems.join('\n  ')}`);
    } finally {
      await context.close();
    }
  });
}
