// What a phone needs of the widgets on a page, measured in the page itself, so that the Chromium
// test (phones.test.mjs) and the WebKit one (tests/webkit/phones.test.mjs) measure alike:
// - every text field (input, textarea, select; checkboxes aside) at a computed font size of at
//   least 16 px, below which iOS Safari zooms the page when the field takes the focus;
// - every target at least 24 × 24 CSS px (WCAG 2.2, 2.5.8), or far enough from every other
//   target (the rule's spacing exception: a 24 px circle centred on the small target touches no
//   other target and no other small target's circle); a checkbox's target is its whole label;
// - nothing wider than the viewport.

/**
 * Runs in the page (hand it to `page.evaluate` or to selenium's `executeScript`). Returns the
 * fields and targets it measured and what is wrong, each described in a few words; `missing`:
 * those of the `expected` selectors that match no field shown in any widget.
 */
export function measurePhone(expected = []) {
  const describe = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.type && el.tagName === 'INPUT') text += `[type=${el.type}]`;
    if (typeof el.className === 'string' && el.className.trim()) text += `.${el.className.trim().split(/\s+/).join('.')}`;
    const words = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 30);
    return words ? `${text} "${words}"` : text;
  };
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const fields = [];
  const smallFonts = [];
  const targets = [];
  for (const host of document.querySelectorAll('.thing-prompts')) {
    const root = host.shadowRoot;
    if (!root) continue;
    for (const el of root.querySelectorAll('input, textarea, select')) {
      if (el.type === 'checkbox' || !shown(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      fields.push(describe(el));
      if (!(size >= 16)) smallFonts.push(`${describe(el)}: ${size}px`);
    }
    for (const el of root.querySelectorAll('button, a[href], input, textarea, select, summary')) {
      const target = el.type === 'checkbox' ? el.closest('label') || el : el;
      if (shown(target) && !targets.some((t) => t.el === target)) targets.push({ el: target, box: target.getBoundingClientRect() });
    }
  }
  const missing = expected.filter(
    (selector) => ![...document.querySelectorAll('.thing-prompts')].some((host) => [...(host.shadowRoot?.querySelectorAll(selector) || [])].some(shown)),
  );
  const centre = (box) => [box.left + box.width / 2, box.top + box.height / 2];
  // Distance from a point to the nearest point of a box (0 inside it).
  const reach = ([x, y], box) => Math.hypot(Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom));
  const small = targets.filter((t) => t.box.width < 24 || t.box.height < 24);
  const smallTargets = [];
  for (const t of small) {
    const c = centre(t.box);
    const crowded = targets.some((o) => {
      if (o === t) return false;
      if (small.includes(o)) return Math.hypot(c[0] - centre(o.box)[0], c[1] - centre(o.box)[1]) < 24;
      return reach(c, o.box) < 12;
    });
    if (crowded) smallTargets.push(`${describe(t.el)}: ${Math.round(t.box.width * 10) / 10}×${Math.round(t.box.height * 10) / 10}`);
  }
  const width = document.documentElement.clientWidth;
  const overflowing = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) overflowing.push(`${describe(el)} (${Math.round(box.left)}…${Math.round(box.right)})`);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return {
    viewport: width,
    pageScroll: document.documentElement.scrollWidth - width,
    fields,
    missing,
    targets: targets.length,
    smallFonts,
    smallTargets,
    overflowing,
  };
}

/** The blog around the widgets: body text at 13 px, as some blog themes set it. */
export const SMALL_BLOG_HEAD = `<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { font: 13px/1.5 Verdana, "DejaVu Sans", sans-serif; margin: 0 10px; }</style>`;

/** The fields the full module's page shows once every panel with fields is open. */
export const FULL_FIELDS = ['.note textarea', 'textarea.code', 'textarea.paste', '.file input[type=file]', 'textarea.link', 'textarea.outline-text'];
