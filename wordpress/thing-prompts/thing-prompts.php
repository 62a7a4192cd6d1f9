<?php
/**
 * Plugin Name:       Thing Prompts
 * Description:       A checklist of a "23 Things" course's reflection questions in any post: the shortcode [thing_prompts] or the block "Thing Prompts checklist". Readers tick the questions as they answer them; ticks stay in their own browser.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Thing Prompts contributors
 * License:           MIT OR Apache-2.0
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       thing-prompts
 * Domain Path:       /languages
 *
 * @package ThingPrompts
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The plugin's release; the same as the widget's (Cargo.toml). */
const THING_PROMPTS_VERSION = '0.1.0';

/** This file, for plugins_url() and the activation hooks. */
define( 'THING_PROMPTS_FILE', __FILE__ );

/** The folder of the widget files shipped inside the plugin (the release's dist/ files). */
define( 'THING_PROMPTS_WIDGET_DIR', __DIR__ . '/widget' );

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/block.php';

if ( is_admin() ) {
	require_once __DIR__ . '/includes/settings.php';
}

add_action( 'init', 'thing_prompts_init' );

/**
 * Loads the plugin's translations (languages/), then registers the loader, the shortcode and
 * the block.
 */
function thing_prompts_init(): void {
	load_plugin_textdomain( 'thing-prompts', false, dirname( plugin_basename( THING_PROMPTS_FILE ) ) . '/languages' );
	thing_prompts_register_loader();
	add_shortcode( 'thing_prompts', 'thing_prompts_shortcode' );
	thing_prompts_register_block();
}

// The questions between [thing_prompts] and [/thing_prompts] are the author's own words: no
// curly quotes, so the same question typed in a block (which WordPress does not texturize)
// keeps the same ticks.
add_filter( 'no_texturize_shortcodes', 'thing_prompts_no_texturize' );

/**
 * Keeps WordPress's typographic filter out of the shortcode's questions.
 *
 * @param string[] $shortcodes Shortcodes whose content wptexturize leaves alone.
 * @return string[]
 */
function thing_prompts_no_texturize( $shortcodes ) {
	$shortcodes   = is_array( $shortcodes ) ? $shortcodes : array();
	$shortcodes[] = 'thing_prompts';
	return $shortcodes;
}

// Summaries (excerpts) keep the shortcode and the block, which then give their title only.
add_filter( 'strip_shortcodes_tagnames', 'thing_prompts_keep_in_excerpts' );
add_filter( 'excerpt_allowed_blocks', 'thing_prompts_allow_in_excerpts' );

/**
 * While WordPress makes an excerpt, it strips every shortcode before rendering the post: ours
 * stays, so that it can give its title (see thing_prompts_render()) instead of vanishing.
 *
 * @param string[] $tagnames Shortcodes about to be stripped.
 * @return string[]
 */
function thing_prompts_keep_in_excerpts( $tagnames ) {
	if ( ! is_array( $tagnames ) || ! thing_prompts_in_excerpt() ) {
		return $tagnames;
	}
	return array_values( array_diff( $tagnames, array( 'thing_prompts' ) ) );
}

/**
 * Lets an excerpt keep the block, which then gives its title only (as the shortcode does).
 *
 * @param string[] $blocks Blocks an excerpt keeps.
 * @return string[]
 */
function thing_prompts_allow_in_excerpts( $blocks ) {
	$blocks   = is_array( $blocks ) ? $blocks : array();
	$blocks[] = 'thing-prompts/checklist';
	return $blocks;
}

// The loader is an ordinary script that WordPress prints once per page, with `async`.
add_filter( 'script_loader_tag', 'thing_prompts_async_loader', 10, 2 );

/**
 * Prints the loader with `async` (WordPress 6.1 has no strategy argument for scripts yet).
 *
 * @param string $tag    The <script> tag WordPress is about to print.
 * @param string $handle Its handle.
 * @return string
 */
function thing_prompts_async_loader( $tag, $handle ) {
	if ( 'thing-prompts' !== $handle || ! is_string( $tag ) || str_contains( $tag, ' async' ) ) {
		return $tag;
	}
	return preg_replace( '/<script(?=[^>]*\ssrc=)/', '<script async', $tag, 1 ) ?? $tag;
}

add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'thing_prompts_action_links' );

/**
 * A "Settings" link in the plugin's row of the Plugins screen.
 *
 * @param string[] $links The row's links.
 * @return string[]
 */
function thing_prompts_action_links( $links ) {
	$links = is_array( $links ) ? $links : array();
	array_unshift(
		$links,
		sprintf(
			'<a href="%s">%s</a>',
			esc_url( admin_url( 'options-general.php?page=thing-prompts' ) ),
			esc_html__( 'Settings', 'thing-prompts' )
		)
	);
	return $links;
}
