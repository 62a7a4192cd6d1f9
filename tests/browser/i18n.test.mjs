// Languages, label overrides, right-to-left pages, light and dark palettes, small screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkboxes,
  fixtureHtml,
  launch,
  PAGE_ORIGIN,
  serveFixture,
  statusLine,
  waitAllMounted,
  watch,
  widget,
} from './helpers.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function fixture(name, body, { context: options = {}, head = '' } = {}) {
  const context = await browser.newContext(options);
  const html = fixtureHtml(body).replace('</head>', `${head}</head>`);
  const url = await serveFixture(context, name, html);
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url);
  return { context, page, log };
}

const LANGS = `
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12" data-lang="fr"></div>
<div lang="de-DE"><div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div></div>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12" data-lang="es"></div>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>
<div lang="it"><div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div></div>`;

test('each language has its own interface strings, chosen by data-lang or the page', async () => {
  const { context, page, log } = await fixture('langs', LANGS);
  try {
    await waitAllMounted(page, 5);
    const expected = [
      { lang: 'fr', line: '1 sur 5 traitée', clear: 'Effacer les coches', backup: 'Sauvegarde', kicker: 'Thing 12 sur 23' },
      { lang: 'de', line: '1 von 5 beantwortet', clear: 'Häkchen entfernen', backup: 'Sicherung', kicker: 'Thing 12 von 23' },
      { lang: 'es', line: '1 de 5 respondida', clear: 'Borrar las marcas', backup: 'Copia de seguridad', kicker: 'Thing 12 de 23' },
      { lang: 'en', line: '1 of 5 answered', clear: 'Clear ticks', backup: 'Backup', kicker: 'Thing 12 of 23' },
      { lang: 'en', line: '1 of 5 answered', clear: 'Clear ticks', backup: 'Backup', kicker: 'Thing 12 of 23' },
    ];
    // One tick shows in all five: they share the same questions.
    await checkboxes(page, 3).nth(0).check();
    for (const [n, want] of expected.entries()) {
      const root = widget(page, n).locator('.tp');
      assert.equal(await root.getAttribute('lang'), want.lang, `widget ${n} lang`);
      assert.equal((await statusLine(page, n).textContent()).trim(), want.line);
      assert.ok((await widget(page, n).locator('.kicker').textContent()).startsWith(want.kicker));
      assert.equal(await widget(page, n).getByRole('button', { name: want.clear, exact: true }).count(), 1);
      assert.equal(await widget(page, n).getByRole('button', { name: want.backup, exact: true }).count(), 1);
    }
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.widgetWarnings(), [], 'a page language we lack falls back quietly');
  } finally {
    await context.close();
  }
});

test('course dates are written in the widget language', async () => {
  const { context, page } = await fixture(
    'dates',
    `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="current" data-lang="de"></div>
     <div class="thing-prompts" data-programme="cpd23-2012" data-thing="current" data-lang="es"></div>`,
  );
  try {
    await waitAllMounted(page, 2);
    assert.equal(
      (await widget(page, 0).locator('.notice').textContent()).trim(),
      'Der Kurs endete am Sonntag, 7. Oktober 2012; dies ist sein letztes Thing.',
    );
    assert.ok((await widget(page, 1).locator('.notice').textContent()).includes('domingo, 7 de octubre de 2012'));
  } finally {
    await context.close();
  }
});

test('an organiser overrides labels with data-label-* attributes; unknown ones are reported once', async () => {
  const { context, page, log } = await fixture(
    'labels',
    `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"
       data-label-answered="{done}/{total} written up" data-label-clear="Start again"
       data-label-thing-of="Week {thing}" data-label-colour="blue"></div>`,
  );
  try {
    await waitAllMounted(page, 1);
    await checkboxes(page, 0).nth(1).check();
    await checkboxes(page, 0).nth(2).check();
    assert.equal((await statusLine(page, 0).textContent()).trim(), '2/5 written up');
    assert.equal(await widget(page, 0).getByRole('button', { name: 'Start again' }).count(), 1);
    assert.ok((await widget(page, 0).locator('.kicker').textContent()).startsWith('Week 12 · '));
    const warnings = log.widgetWarnings().map((m) => m.text);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.ok(warnings[0].includes('data-label-colour'));
  } finally {
    await context.close();
  }
});

test('the progress line is a polite live region that changes as the reader ticks', async () => {
  const { context, page } = await fixture('live', `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="11"></div>`);
  try {
    await waitAllMounted(page, 1);
    const status = statusLine(page, 0);
    assert.equal(await status.getAttribute('role'), 'status');
    // Records what a screen reader would be told: text changes inside the live region.
    await page.evaluate(() => {
      const host = document.querySelector('.thing-prompts');
      const region = host.shadowRoot.querySelector('[role=status]');
      window.__announced = [];
      new MutationObserver(() => window.__announced.push(region.textContent)).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.type);
    assert.equal(focused, 'checkbox', 'Tab reaches the first checkbox');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.__announced.length >= 2);
    assert.deepEqual(await page.evaluate(() => window.__announced), ['1 of 4 answered', '2 of 4 answered']);
  } finally {
    await context.close();
  }
});

test('on a right-to-left page the checkbox sits on the right and the bar runs from the right', async () => {
  const { context, page } = await fixture(
    'rtl',
    `<div dir="rtl" lang="ar"><div class="thing-prompts"><p>أسئلتي</p><ol><li>ما الذي تعلمته هذا الأسبوع؟</li><li>Which tool did you try?</li></ol></div></div>
     <div class="thing-prompts"><p>Mine</p><ol><li>What did you learn this week?</li></ol></div>`,
  );
  try {
    await waitAllMounted(page, 2);
    const geometry = (n) =>
      widget(page, n).locator('label.prompt').first().evaluate((label) => {
        const box = label.querySelector('input').getBoundingClientRect();
        const text = label.querySelector('.text').getBoundingClientRect();
        return { box: box.left, text: text.left, direction: getComputedStyle(label).direction };
      });
    const rtl = await geometry(0);
    const ltr = await geometry(1);
    assert.equal(rtl.direction, 'rtl');
    assert.ok(rtl.box > rtl.text, `checkbox right of the text in RTL (${JSON.stringify(rtl)})`);
    assert.equal(ltr.direction, 'ltr');
    assert.ok(ltr.box < ltr.text, 'checkbox left of the text in LTR');
    // The accent border is on the starting edge: right in RTL.
    const borders = await widget(page, 0).locator('.tp').evaluate((tp) => {
      const style = getComputedStyle(tp);
      return [style.borderRightWidth, style.borderLeftWidth];
    });
    assert.deepEqual(borders, ['4px', '1px']);
  } finally {
    await context.close();
  }
});

const PALETTES = `
<div class="thing-prompts" id="plain" data-programme="cpd23-2012" data-thing="12"></div>
<div style="background:#121212;color:#e8e8e8;padding:4px"><div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div></div>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12" data-theme="dark"></div>
<div style="background:#121212;color:#e8e8e8"><div class="thing-prompts" data-programme="cpd23-2012" data-thing="12" data-theme="light"></div></div>`;

async function schemes(page) {
  const out = [];
  for (const n of [0, 1, 2, 3]) {
    out.push(
      await widget(page, n).locator('.tp').evaluate((tp) => ({
        theme: tp.dataset.theme,
        // Written on the element holding the widget's app (entry.rs).
        scheme: tp.parentElement.dataset.scheme,
        colorScheme: getComputedStyle(tp).colorScheme,
        color: getComputedStyle(tp).color,
      })),
    );
  }
  return out;
}

test('auto follows the page background; light and dark are forced with their own colours', async () => {
  const { context, page } = await fixture('palettes', PALETTES, { context: { colorScheme: 'light' } });
  try {
    await waitAllMounted(page, 4);
    const [plain, onDark, dark, light] = await schemes(page);
    assert.deepEqual([plain.theme, plain.scheme, plain.colorScheme], ['auto', 'light', 'light']);
    assert.deepEqual([onDark.theme, onDark.scheme, onDark.colorScheme], ['auto', 'dark', 'dark']);
    assert.equal(onDark.color, 'rgb(232, 232, 232)', 'auto keeps the page text colour');
    assert.deepEqual([dark.theme, dark.scheme, dark.color], ['dark', 'dark', 'rgb(232, 235, 238)']);
    assert.deepEqual([light.theme, light.scheme, light.color], ['light', 'light', 'rgb(31, 35, 40)']);
  } finally {
    await context.close();
  }
});

test('a page that paints no background shows the white canvas: light whatever the reader prefers', async () => {
  // Neither the page nor its root declares a color-scheme, so the browser's canvas is white for
  // a reader who prefers dark too (live-theme.test.mjs has the pages that declare one).
  for (const [colorScheme, expected] of [
    ['dark', 'light'],
    ['light', 'light'],
  ]) {
    const { context, page } = await fixture(`pref-${colorScheme}`, `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>`, {
      context: { colorScheme },
      head: '<style>html,body{background:transparent}</style>',
    });
    try {
      await waitAllMounted(page, 1);
      assert.equal(await widget(page, 0).locator('.tp').evaluate((tp) => tp.parentElement.dataset.scheme), expected);
    } finally {
      await context.close();
    }
  }
});

test('on a page whose stylesheet is slow, the widget waits for it and takes the page\'s palette', async () => {
  // The loader runs async, so on a slow blog it can be ready before the theme's stylesheet:
  // the page paints no background yet, and the widget would get the light palette of the
  // white canvas on what turns out to be a dark page. A stylesheet that fails holds nothing up
  // (and leaves the canvas white).
  for (const [name, answer] of [
    ['late-theme', { contentType: 'text/css', body: 'html, body { background: #111; color: #ddd; }' }],
    ['failed-theme', { status: 404, contentType: 'text/plain', body: 'not found' }],
  ]) {
    const context = await browser.newContext({ colorScheme: 'light' });
    const css = `${PAGE_ORIGIN}fixture/${name}.css`;
    try {
      const html = fixtureHtml(`<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>`).replace(
        '</head>',
        `<link rel="stylesheet" href="${css}"></head>`,
      );
      const url = await serveFixture(context, name, html);
      const page = await context.newPage();
      const mountedBeforeStyles = [];
      await context.route(css, async (route) => {
        // Long enough for the loader and the WebAssembly to be ready well before it.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        mountedBeforeStyles.push(
          await page.evaluate(() => Boolean(document.querySelector('.thing-prompts')?.shadowRoot)).catch(() => null),
        );
        await route.fulfill(answer);
      });
      await page.goto(url);
      await waitAllMounted(page, 1);
      assert.deepEqual(mountedBeforeStyles, [false], `${name}: no widget before the stylesheet has arrived`);
      const expected = name === 'late-theme' ? 'dark' : 'light';
      assert.equal(await widget(page, 0).locator('.tp').evaluate((tp) => tp.parentElement.dataset.scheme), expected, name);
    } finally {
      await context.close();
    }
  }
});

test('at 320 px wide and at 200 % zoom the widget needs no horizontal scrolling', async () => {
  const long = 'https://example.org/a/very/long/address/without/any/spaces/in/it/at/all/to/break/the/line';
  for (const width of [320, 640]) {
    const { context, page } = await fixture(
      `narrow-${width}`,
      `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>
       <div class="thing-prompts"><p>Long words</p><ol><li>${long}</li><li>Antidisestablishmentarianism-and-then-some-more-words-joined</li></ol></div>`,
      { context: { viewport: { width, height: 800 } } },
    );
    try {
      await waitAllMounted(page, 2);
      await widget(page, 0).getByRole('button', { name: 'Backup', exact: true }).click();
      await widget(page, 0).getByRole('button', { name: 'Copy backup code' }).click();
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        widgets: [...document.querySelectorAll('.thing-prompts')].map((host) => {
          const tp = host.shadowRoot.querySelector('.tp');
          return tp.scrollWidth - tp.clientWidth;
        }),
      }));
      assert.deepEqual(overflow, { page: 0, widgets: [0, 0] }, `at ${width} px`);
      // Touch targets: every checkbox row and button is at least 24 px high.
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('.thing-prompts')].flatMap((host) =>
          [...host.shadowRoot.querySelectorAll('label.prompt, button')]
            .map((el) => el.getBoundingClientRect())
            .filter((r) => r.height < 24 || r.width < 24)
            .map((r) => `${r.width}x${r.height}`),
        ),
      );
      assert.deepEqual(small, []);
    } finally {
      await context.close();
    }
  }
});
