// The block editor's script (wordpress/thing-prompts/block/editor.js), held to WordPress's own
// JavaScript rules: @wordpress/eslint-plugin's recommended preset, with WordPress's fork of
// prettier (wp-prettier, pinned in package.json) for its formatting. Run by cargo xtask test
// (xtask/src/site/plugin_checks.rs).
import wordpress from '@wordpress/eslint-plugin';

export default [
	// The widget's built files, in a copy of the plugin unzipped from the release (not in the repository).
	{ ignores: [ '**/widget/**' ] },
	...wordpress.configs.recommended,
];
