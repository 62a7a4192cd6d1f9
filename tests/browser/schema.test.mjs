// The programme JSON Schema (www/thing-prompts-programme.schema.json), checked with Ajv: the
// bundled programmes and the example in docs/programmes.md pass, a table of bad files each
// fails. No browser is needed; the file lives here so that `cargo xtask test` runs it with the
// browser tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';

const WWW = new URL('../../www/', import.meta.url);

async function readJson(url) {
  return JSON.parse(await readFile(url, 'utf8'));
}

const schema = await readJson(new URL('thing-prompts-programme.schema.json', WWW));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

function problems() {
  return ajv.errorsText(validate.errors, { separator: '\n' });
}

/** A small valid programme to break one field at a time. */
function good() {
  return {
    format: 1,
    id: 'library-10-things',
    title: '10 Things for Library Staff',
    schedule: { start: '2026-01-05', intervalDays: 7, catchUp: ['2026-02-02'] },
    things: [
      {
        number: 1,
        title: 'Blogging',
        link: 'https://example.org/thing-1.html',
        prompts: [{ id: 'why', text: 'Why did you start a blog?', optional: false }],
      },
    ],
  };
}

test('the schema is draft 2020-12, names no real host, and explains every property', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(new URL(schema.$id).hostname, /\.invalid$/);
  assert.match(schema.description, /checked by the widget|widget checks/i);
  const missing = [];
  const walk = (node, path) => {
    for (const [name, sub] of Object.entries(node.properties || {})) {
      const at = `${path}.${name}`;
      if (!sub.title || !sub.description) missing.push(at);
      walk(sub, at);
      if (sub.items) walk(sub.items, `${at}[]`);
    }
  };
  walk(schema, '$');
  assert.deepEqual(missing, [], 'every property has a title and a description');
});

test('the bundled programmes pass', async () => {
  const dir = new URL('programmes/', WWW);
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  assert.deepEqual(names, ['cpd23-2011.json', 'cpd23-2012.json']);
  for (const name of names) {
    assert.ok(validate(await readJson(new URL(name, dir))), `${name}:\n${problems()}`);
  }
});

test("the documented example programme (docs/programmes.md) passes", async () => {
  const readme = await readFile(new URL('../../docs/programmes.md', import.meta.url), 'utf8');
  const section = readme.split(/^### The format$/m)[1];
  assert.ok(section, 'docs/programmes.md has a "### The format" section');
  const block = /```json\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'that section has a ```json block');
  const example = JSON.parse(block[1]);
  assert.equal(example.format, 1);
  assert.ok(validate(example), problems());
});

test('a small programme passes, with and without its optional fields, and with "$schema"', () => {
  assert.ok(validate(good()), problems());
  const minimal = { format: 1, id: 'x', title: 'X', things: [{ number: 1, title: 'T', prompts: [] }] };
  assert.ok(validate(minimal), problems());
  const explicit = good();
  delete explicit.schedule;
  explicit.language = 'en-GB';
  explicit.timeZone = 'Europe/London';
  explicit.things[0].release = '2026-01-05';
  explicit.$schema = schema.$id;
  assert.ok(validate(explicit), problems());
});

/** Bad files: a name, and a change that makes good() invalid. */
const BAD = [
  ['format 2', (p) => (p.format = 2)],
  ['format "1"', (p) => (p.format = '1')],
  ['no format', (p) => delete p.format],
  ['id with capitals', (p) => (p.id = 'Library-10')],
  ['id with a space', (p) => (p.id = 'library 10')],
  ['id of 65 characters', (p) => (p.id = 'a'.repeat(65))],
  ['empty id', (p) => (p.id = '')],
  ['no id', (p) => delete p.id],
  ['empty title', (p) => (p.title = '')],
  ['no things', (p) => delete p.things],
  ['empty things', (p) => (p.things = [])],
  ['thing without title', (p) => delete p.things[0].title],
  ['thing without number', (p) => delete p.things[0].number],
  ['thing number 0', (p) => (p.things[0].number = 0)],
  ['thing number 1.5', (p) => (p.things[0].number = 1.5)],
  ['thing without prompts', (p) => delete p.things[0].prompts],
  ['prompt without text', (p) => delete p.things[0].prompts[0].text],
  ['prompt with empty text', (p) => (p.things[0].prompts[0].text = '')],
  ['prompt with empty id', (p) => (p.things[0].prompts[0].id = '')],
  ['prompt with numeric id', (p) => (p.things[0].prompts[0].id = 2)],
  ['optional "yes"', (p) => (p.things[0].prompts[0].optional = 'yes')],
  ['link "javascript:alert(1)"', (p) => (p.things[0].link = 'javascript:alert(1)')],
  ['link "//example.org/"', (p) => (p.things[0].link = '//example.org/')],
  ['link "https://"', (p) => (p.things[0].link = 'https://')],
  ['release "16/07/2012"', (p) => (p.things[0].release = '16/07/2012')],
  ['intervalDays 0', (p) => (p.schedule.intervalDays = 0)],
  ['intervalDays 7.5', (p) => (p.schedule.intervalDays = 7.5)],
  ['start "2026-1-5"', (p) => (p.schedule.start = '2026-1-5')],
  ['catchUp of a non-date', (p) => (p.schedule.catchUp = ['next week'])],
  ['language 1', (p) => (p.language = 1)],
  ['unknown property at the top', (p) => (p.author = 'me')],
  ['unknown property in schedule', (p) => (p.schedule.every = 'week')],
  ['unknown property in a thing', (p) => (p.things[0].subtitle = 'x')],
  ['unknown property in a prompt', (p) => (p.things[0].prompts[0].hint = 'x')],
  ['"$id" at the top', (p) => (p.$id = 'x')],
];

for (const [name, breakIt] of BAD) {
  test(`fails: ${name}`, () => {
    const programme = good();
    assert.ok(validate(programme), `good() itself passes: ${problems()}`);
    breakIt(programme);
    assert.equal(validate(programme), false, `${name} should fail`);
    assert.ok(validate.errors.length > 0);
  });
}
