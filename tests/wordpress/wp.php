<?php
/**
 * A small command-line tool for the WordPress tests: it loads the test site (the one named by
 * THING_PROMPTS_WP_CONFIG, at THING_PROMPTS_WP_URL) and changes it the way a person would in
 * the admin screens. Each command prints JSON on stdout; a failure says why on stderr and exits 1.
 *
 *   php wp.php install <admin password>        a new site with an admin and an Author
 *   php wp.php plugin activate|deactivate       the Thing Prompts plugin
 *   php wp.php uninstall                        what deleting the plugin runs (uninstall.php)
 *   php wp.php theme <slug> [excerpt|full]      switch theme (Twenty Twenty-One: what the blog shows)
 *   php wp.php post '<json>'                    a post, written as its author: {"author", "title",
 *                                               "content", "date"}; prints {"id", "url", "content"}
 *   php wp.php unlock <id>                      remove a post's edit lock
 *   php wp.php clear-posts                      delete every post
 *   php wp.php option get|delete <name>         read or delete an option
 *   php wp.php option set <name> '<json>'       set one
 *   php wp.php option-names                     the names of every option, sorted
 *   php wp.php users                            the test users' ids
 *
 * Posts are written through wp_insert_post() as their author (wp_set_current_user() first), so an
 * Author's content goes through kses exactly as when they press Publish.
 */

$url    = (string) getenv( 'THING_PROMPTS_WP_URL' );
$config = (string) getenv( 'THING_PROMPTS_WP_CONFIG' );
if ( '' === $url || '' === $config ) {
	fwrite( STDERR, "wp.php: THING_PROMPTS_WP_URL and THING_PROMPTS_WP_CONFIG must be set\n" );
	exit( 2 );
}
$parts = parse_url( $url );
$host  = ( $parts['host'] ?? '127.0.0.1' ) . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );

// What a web request would have: Debian's wp-config.php picks the configuration from these.
$_SERVER['WORDPRESS_CONFIG'] = $config;
$_SERVER['HTTP_HOST']        = $host;
$_SERVER['SERVER_NAME']      = $parts['host'] ?? '127.0.0.1';
$_SERVER['SERVER_PORT']      = (string) ( $parts['port'] ?? 80 );
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['REQUEST_METHOD']   = 'GET';
$_SERVER['SERVER_PROTOCOL']  = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR']      = '127.0.0.1';

$args    = array_slice( $argv, 1 );
$command = $args[0] ?? '';
if ( 'install' === $command ) {
	define( 'WP_INSTALLING', true );
}

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

// The site sends no mail (there is no mail server here): wp_install() would try.
add_filter( 'pre_wp_mail', '__return_false' );

const THING_PROMPTS_PLUGIN = 'thing-prompts/thing-prompts.php';

function fail( string $message ): void {
	fwrite( STDERR, "wp.php: $message\n" );
	exit( 1 );
}

function answer( $value ): void {
	echo wp_json_encode( $value, JSON_UNESCAPED_SLASHES ), "\n";
	exit( 0 );
}

function user_id( string $login ): int {
	$user = get_user_by( 'login', $login );
	if ( ! $user ) {
		fail( "no user $login" );
	}
	return (int) $user->ID;
}

switch ( $command ) {
	case 'install':
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$password = $args[1] ?? '';
		if ( '' === $password ) {
			fail( 'install needs the admin password' );
		}
		$result = wp_install( 'Reflective Librarian', 'admin', 'admin@example.org', true, '', wp_slash( $password ) );
		update_option( 'siteurl', $url );
		update_option( 'home', $url );
		update_option( 'blogdescription', 'Notes from a 23 Things course' );
		// Nothing on the pages may reach outside the machine: no Gravatar images.
		update_option( 'show_avatars', '0' );
		update_option( 'posts_per_page', '10' );
		// The sample post and page would only get in the way of counting widgets.
		foreach ( get_posts( array( 'post_type' => array( 'post', 'page' ), 'post_status' => 'any', 'numberposts' => -1 ) ) as $post ) {
			wp_delete_post( $post->ID, true );
		}
		$author = wp_insert_user(
			array(
				'user_login'   => 'author',
				'user_pass'    => $password,
				'user_email'   => 'author@example.org',
				'display_name' => 'Alex Author',
				'role'         => 'author',
			)
		);
		if ( is_wp_error( $author ) ) {
			fail( $author->get_error_message() );
		}
		answer(
			array(
				'admin'  => (int) $result['user_id'],
				'author' => (int) $author,
			)
		);
		break;

	case 'users':
		answer(
			array(
				'admin'  => user_id( 'admin' ),
				'author' => user_id( 'author' ),
			)
		);
		break;

	case 'plugin':
		wp_set_current_user( user_id( 'admin' ) );
		if ( 'activate' === ( $args[1] ?? '' ) ) {
			$result = activate_plugin( THING_PROMPTS_PLUGIN );
			if ( is_wp_error( $result ) ) {
				fail( $result->get_error_message() );
			}
		} elseif ( 'deactivate' === ( $args[1] ?? '' ) ) {
			deactivate_plugins( THING_PROMPTS_PLUGIN );
		} else {
			fail( 'plugin activate|deactivate' );
		}
		answer( array( 'active' => is_plugin_active( THING_PROMPTS_PLUGIN ) ) );
		break;

	case 'uninstall':
		wp_set_current_user( user_id( 'admin' ) );
		if ( ! is_uninstallable_plugin( THING_PROMPTS_PLUGIN ) ) {
			fail( 'the plugin has no uninstall.php' );
		}
		uninstall_plugin( THING_PROMPTS_PLUGIN );
		answer( array( 'uninstalled' => true ) );
		break;

	case 'theme':
		$slug = $args[1] ?? '';
		if ( ! wp_get_theme( $slug )->exists() ) {
			fail( "no theme $slug" );
		}
		switch_theme( $slug );
		if ( isset( $args[2] ) ) {
			set_theme_mod( 'display_excerpt_or_full_post', 'full' === $args[2] ? 'full' : 'excerpt' );
		}
		answer( array( 'theme' => get_stylesheet() ) );
		break;

	case 'post':
		$given = json_decode( $args[1] ?? '', true );
		if ( ! is_array( $given ) || ! isset( $given['content'] ) ) {
			fail( 'post needs {"content": ...}' );
		}
		$author = user_id( $given['author'] ?? 'author' );
		// As that user, so that kses filters the content unless they may post unfiltered HTML.
		wp_set_current_user( $author );
		$post = array(
			'post_author'  => $author,
			'post_title'   => $given['title'] ?? 'A post',
			'post_content' => $given['content'],
			'post_status'  => 'publish',
			'post_type'    => 'post',
		);
		if ( isset( $given['date'] ) ) {
			$post['post_date'] = $given['date'];
		}
		$id = wp_insert_post( wp_slash( $post ), true );
		if ( is_wp_error( $id ) ) {
			fail( $id->get_error_message() );
		}
		answer(
			array(
				'id'      => (int) $id,
				'url'     => get_permalink( $id ),
				'content' => get_post_field( 'post_content', $id, 'raw' ),
			)
		);
		break;

	case 'unlock':
		// The editor's lock on a post (set while someone has it open), as when its holder leaves.
		answer( array( 'unlocked' => delete_post_meta( (int) ( $args[1] ?? 0 ), '_edit_lock' ) ) );
		break;

	case 'clear-posts':
		$count = 0;
		foreach ( get_posts( array( 'post_type' => 'post', 'post_status' => 'any', 'numberposts' => -1 ) ) as $post ) {
			wp_delete_post( $post->ID, true );
			++$count;
		}
		answer( array( 'deleted' => $count ) );
		break;

	case 'option-names':
		global $wpdb;
		answer( $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} ORDER BY option_name" ) );
		break;

	case 'option':
		$name = $args[2] ?? '';
		if ( '' === $name ) {
			fail( 'option get|set|delete <name>' );
		}
		if ( 'get' === $args[1] ) {
			answer( array( 'value' => get_option( $name, null ) ) );
		} elseif ( 'set' === $args[1] ) {
			update_option( $name, json_decode( $args[3] ?? 'null', true ) );
			answer( array( 'value' => get_option( $name, null ) ) );
		} elseif ( 'delete' === $args[1] ) {
			answer( array( 'deleted' => delete_option( $name ) ) );
		}
		fail( 'option get|set|delete <name>' );
		break;

	default:
		fail( "unknown command \"$command\"" );
}
