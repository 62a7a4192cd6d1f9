// The RSS feed: each post's content carries the questions as a plain list, and no script; its
// summary (the item's description) carries the Thing's title only.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { THING_12 } from '../browser/helpers.mjs';
import { WP_URL, publish, resetSite, logLines, assertNoPluginMessages } from './wp.mjs';

let logStart;
before(() => {
  logStart = logLines().length;
});

/** The feed's items as { title, description, content } (their CDATA unwrapped). */
function items(xml) {
  const unwrap = (text) => (text || '').replace(/^\s*<!\[CDATA\[/, '').replace(/\]\]>\s*$/, '');
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item]) => ({
    title: (item.match(/<title>([\s\S]*?)<\/title>/) || [])[1],
    description: unwrap((item.match(/<description>([\s\S]*?)<\/description>/) || [])[1]),
    content: unwrap((item.match(/<content:encoded>([\s\S]*?)<\/content:encoded>/) || [])[1]),
  }));
}

/** The texts of a list's items in `html`, tags dropped. */
function listItems(html) {
  return [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, text]) => text.replace(/<[^>]*>/g, '').trim());
}

test('the RSS feed carries the questions as a plain list and no script', async () => {
  resetSite();
  publish('<p>Thing 12 this week.</p>\n[thing_prompts programme="cpd23-2012" thing="12"]', {
    title: 'Shortcode in the feed',
    date: '2026-11-01 10:00:00',
  });
  publish('[thing_prompts title="My week"]\nWhat did I try?\nWhat next?\n[/thing_prompts]', {
    title: 'Own questions in the feed',
    date: '2026-11-01 11:00:00',
  });
  publish('<!-- wp:thing-prompts/checklist {"questions":"Which tool?\\nWhy that one?"} /-->', {
    title: 'Block in the feed',
    date: '2026-11-01 12:00:00',
  });
  const response = await fetch(`${WP_URL}/?feed=rss2`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') || '', /rss\+xml|xml/);
  const xml = await response.text();
  assert.doesNotMatch(xml, /<script/i, 'no script anywhere in the feed');
  assert.doesNotMatch(xml, /thing-prompts\.js/, 'no loader in the feed');
  assert.doesNotMatch(xml, /\[thing_prompts/, 'no shortcode left as text');
  const byTitle = Object.fromEntries(items(xml).map((item) => [item.title, item]));
  const shortcode = byTitle['Shortcode in the feed'];
  const own = byTitle['Own questions in the feed'];
  const block = byTitle['Block in the feed'];
  assert.ok(shortcode && own && block, `the three posts are in the feed: ${Object.keys(byTitle).join(', ')}`);
  assert.deepEqual(listItems(shortcode.content), THING_12, 'the bundled Thing\'s questions as a list');
  assert.match(shortcode.content, /<strong>Thing 12: Putting the social into social media<\/strong>/);
  assert.deepEqual(listItems(own.content), ['What did I try?', 'What next?']);
  assert.match(own.content, /<strong>My week<\/strong>/);
  assert.deepEqual(listItems(block.content), ['Which tool?', 'Why that one?']);
  assert.match(shortcode.description, /Thing 12: Putting the social into social media/, 'the summary names the Thing');
  for (const question of THING_12) {
    assert.ok(!shortcode.description.includes(question), 'and carries no question');
  }
});

test('no PHP message from the plugin while the feed was made', () => {
  assertNoPluginMessages(logStart, 'in the feed');
});
