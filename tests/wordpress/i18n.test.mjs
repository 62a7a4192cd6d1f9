// The plugin's translations in a real WordPress, with WordPress's own from Debian's
// wordpress-l10n: on a site whose language is French, an Administrator sees the plugin's settings
// screen, its row on the Plugins screen, and the block with its sidebar in French (the PHP
// strings from languages/thing-prompts-fr_FR.mo, the editor script's from the JSON file that
// wp_set_script_translations() finds, block.json's title and description translated by
// WordPress); German and Spanish sites get the settings screen in theirs. Screenshots:
// settings-fr_FR.png and block-editor-fr_FR.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watch } from '../browser/helpers.mjs';
import { WP_URL, wp, resetSite, siteContext, logIn, logLines, screenshot, assertNoPluginMessages, openEditor, blockSettings } from './wp.mjs';

const SETTINGS = `${WP_URL}/wp-admin/options-general.php?page=thing-prompts`;

let browser;
let logStart;
before(async () => {
  browser = await launch();
  logStart = logLines().length;
  resetSite();
});
after(async () => {
  wp('option', 'delete', 'WPLANG');
  await browser?.close();
});

/** The site's language, as Settings → General → Site Language sets it. */
function siteLanguage(locale) {
  wp('option', 'set', 'WPLANG', JSON.stringify(locale));
}

async function loggedIn(user) {
  const context = await siteContext(browser);
  const page = await context.newPage();
  const log = watch(page);
  await logIn(page, user);
  return { context, page, log };
}

test('a French site: the settings screen and the Plugins screen show the plugin in French', async () => {
  siteLanguage('fr_FR');
  const { context, page, log } = await loggedIn('admin');
  await page.goto(SETTINGS);
  await page.getByRole('heading', { name: 'Thing Prompts' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr-FR', 'WordPress itself speaks French here');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).waitFor({ timeout: 5000 });
  // The plugin's fields, found by their French labels.
  assert.equal(await page.getByLabel('Cours par défaut', { exact: true }).inputValue(), 'cpd23-2012');
  assert.equal(await page.getByLabel('Langue des boutons', { exact: true }).inputValue(), '');
  assert.equal(await page.getByLabel('Un autre hôte, à cette adresse :').isChecked(), false);
  assert.equal(await page.getByLabel('La copie incluse dans cette extension', { exact: false }).isChecked(), true);
  const text = await page.locator('#wpbody-content').innerText();
  for (const french of ['Fichiers du module', 'Dans un article', 'Servi actuellement depuis :', 'Qu’avez-vous essayé cette semaine ?']) {
    assert.ok(text.includes(french), `"${french}" on the screen`);
  }
  for (const english of ['Widget files', 'Default course', 'Language of the buttons', 'In a post', 'Served now from:', 'What did you try']) {
    assert.ok(!text.includes(english), `no "${english}" left in English`);
  }
  await screenshot(page, 'settings-fr_FR');

  // The Plugins screen: the header's description (translated through its Domain Path) and the
  // Settings link of the plugin's row.
  await page.goto(`${WP_URL}/wp-admin/plugins.php`);
  const row = page.locator('tr[data-slug="thing-prompts"]');
  assert.match(await row.innerText(), /Les questions de réflexion d’un cours/);
  await row.getByRole('link', { name: 'Réglages', exact: true }).waitFor({ timeout: 5000 });
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a French site: the block and its sidebar in French', async () => {
  siteLanguage('fr_FR');
  const { context, page, log } = await openEditor(browser, 'admin', '/wp-admin/post-new.php');
  assert.equal(await page.evaluate(() => wp.i18n.__('Course', 'thing-prompts')), 'Cours', "the editor script's translations reached wp.i18n");
  assert.equal(
    await page.evaluate(() => wp.blocks.getBlockType('thing-prompts/checklist')?.title),
    'Liste à cocher Thing Prompts',
    "block.json's title, translated by WordPress",
  );
  await page.evaluate(() => {
    const block = wp.blocks.createBlock('thing-prompts/checklist', { programme: 'cpd23-2012', thing: '12' });
    wp.data.dispatch('core/block-editor').insertBlocks(block);
    wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
  });
  const sidebar = await blockSettings(page);
  assert.equal((await sidebar.locator('.block-editor-block-card__title').innerText()).trim(), 'Liste à cocher Thing Prompts');
  assert.match(await sidebar.locator('.block-editor-block-card__description').innerText(), /^Les questions de réflexion d’un Thing/);
  await sidebar.getByRole('button', { name: 'Questions', exact: true }).waitFor();
  await sidebar.getByRole('button', { name: 'Apparence', exact: true }).waitFor();
  assert.equal(await sidebar.getByLabel('Cours', { exact: true }).inputValue(), 'cpd23-2012');
  assert.equal(await sidebar.getByLabel('Afficher', { exact: true }).inputValue(), '');
  const thing = sidebar.getByLabel('Thing', { exact: true });
  assert.equal(await thing.inputValue(), '12');
  assert.equal((await thing.locator('option:checked').innerText()).trim(), 'Thing 12 : Putting the social into social media', 'the Thing as French writes it');
  assert.deepEqual(
    await sidebar.getByLabel('Cours', { exact: true }).locator('option').first().innerText(),
    'Cours par défaut du site (cpd23-2012)',
  );
  await sidebar.getByLabel('Une zone de notes privées sous chaque question').waitFor();
  await page.getByLabel('Vos propres questions, une par ligne').waitFor();
  await page.getByText('Aperçu : ce que voient les lecteurs').waitFor();
  for (const english of ['Course', 'Show', 'A private notes box under each question']) {
    assert.equal(await sidebar.getByLabel(english, { exact: true }).count(), 0, `no field labelled "${english}" in English`);
  }
  const block = await page.locator('.thing-prompts-block').first().innerText();
  for (const english of ['Thing Prompts checklist', 'Your own questions', 'Preview: what readers see']) {
    assert.ok(!block.includes(english), `no "${english}" left in English in the block`);
  }
  // The preview mounts the widget as in English.
  await page.locator('.thing-prompts-block-rendered .thing-prompts .tp').first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForTimeout(300);
  await screenshot(page, 'block-editor-fr_FR');
  // The sidebar's second panel.
  await sidebar.getByRole('button', { name: 'Apparence', exact: true }).click();
  assert.equal(await sidebar.getByLabel('Couleurs', { exact: true }).locator('option:checked').innerText(), 'Comme le blog');
  assert.equal(await sidebar.getByLabel('Langue des boutons', { exact: true }).locator('option:checked').innerText(), 'La langue de l’article');
  await sidebar.getByLabel('Libellés reformulés', { exact: true }).waitFor();
  for (const english of ['Colours', 'Language of the buttons', 'Reworded interface strings']) {
    assert.equal(await sidebar.getByLabel(english, { exact: true }).count(), 0, `no field labelled "${english}" in English`);
  }
  assert.deepEqual(log.pageErrors, [], 'no page errors in the editor');
  await context.close();
});

for (const [locale, lang, course, save] of [
  ['de_DE', 'de-DE', 'Standardkurs', 'Änderungen speichern'],
  ['es_ES', 'es-ES', 'Curso predeterminado', 'Guardar cambios'],
]) {
  test(`a ${locale} site: the settings screen in its language`, async () => {
    siteLanguage(locale);
    const { context, page } = await loggedIn('admin');
    await page.goto(SETTINGS);
    await page.getByRole('heading', { name: 'Thing Prompts' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    await page.getByRole('button', { name: save }).waitFor({ timeout: 5000 });
    assert.equal(await page.getByLabel(course, { exact: true }).inputValue(), 'cpd23-2012');
    assert.ok(!(await page.locator('#wpbody-content').innerText()).includes('Default course'));
    await context.close();
  });
}

test('no PHP message from the plugin on the translated screens', () => {
  wp('option', 'delete', 'WPLANG');
  assertNoPluginMessages(logStart, 'in French, German or Spanish');
});
