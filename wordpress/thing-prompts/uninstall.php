<?php
/**
 * Runs when the plugin is deleted from the Plugins screen: removes its one option and nothing
 * else. Posts keep their shortcodes and blocks as written (they work again if the plugin comes
 * back), and readers' ticks live in their own browsers.
 *
 * @package ThingPrompts
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'thing_prompts_options' );
