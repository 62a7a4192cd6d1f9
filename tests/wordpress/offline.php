<?php
/**
 * Plugin Name: Offline test site
 * Description: For the WordPress tests only (copied into the throwaway site's mu-plugins by
 * xtask): this machine reaches no WordPress.org, so the update checks that the admin screens
 * start would only fail (WP_HTTP_BLOCK_EXTERNAL) and fill the PHP log with warnings that say
 * nothing about the plugin under test. Nothing else is changed.
 */

foreach ( array( 'core', 'plugins', 'themes' ) as $kind ) {
	remove_action( 'admin_init', "_maybe_update_$kind" );
	remove_action( "wp_update_$kind", "wp_update_$kind" );
}
remove_action( 'wp_version_check', 'wp_version_check' );
foreach ( array( 'load-plugins.php', 'load-update.php', 'load-update-core.php' ) as $screen ) {
	remove_action( $screen, 'wp_update_plugins' );
}
foreach ( array( 'load-themes.php', 'load-update.php', 'load-update-core.php' ) as $screen ) {
	remove_action( $screen, 'wp_update_themes' );
}
remove_action( 'init', 'wp_schedule_update_checks' );
