// The block editor's script (wordpress/thing-prompts/block/editor.js), held to WordPress's own
// JavaScript rules: @wordpress/eslint-plugin's recommended preset. Run by cargo xtask test.
import wordpress from '@wordpress/eslint-plugin';

export default [ ...wordpress.configs.recommended ];
