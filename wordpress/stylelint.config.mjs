// The block editor's stylesheet (wordpress/thing-prompts/block/editor.css), held to WordPress's
// own CSS rules: @wordpress/stylelint-config. Run by cargo xtask test
// (xtask/src/site/plugin_checks.rs).
export default {
	extends: [ '@wordpress/stylelint-config' ],
};
