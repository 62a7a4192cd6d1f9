<?php
/**
 * The plugin's one option, the bundled programmes, and where the widget files are served from.
 *
 * @package ThingPrompts
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The name of the plugin's only option (an array; see thing_prompts_default_options()). */
const THING_PROMPTS_OPTION = 'thing_prompts_options';

// THING_PROMPTS_LANGUAGES, the widget's interface languages (written from the core's list).
require_once __DIR__ . '/languages.php';

/**
 * The settings as they are when nothing was saved.
 *
 * - host: "bundled" (the widget files inside this plugin) or "url" (host_url).
 * - host_url: the folder that holds thing-prompts.js on another host, ending with "/".
 * - default_programme: the course a shortcode or block shows when it names none.
 * - default_lang: the widget's interface language; "" follows the post's language.
 *
 * @return array<string, string>
 */
function thing_prompts_default_options(): array {
	return array(
		'host'              => 'bundled',
		'host_url'          => '',
		'default_programme' => 'cpd23-2012',
		'default_lang'      => '',
	);
}

/**
 * The saved settings over the defaults; anything of the wrong type is ignored.
 *
 * @return array<string, string>
 */
function thing_prompts_options(): array {
	$options = thing_prompts_default_options();
	$stored  = get_option( THING_PROMPTS_OPTION, array() );
	if ( is_array( $stored ) ) {
		foreach ( array_keys( $options ) as $key ) {
			if ( isset( $stored[ $key ] ) && is_string( $stored[ $key ] ) ) {
				$options[ $key ] = $stored[ $key ];
			}
		}
	}
	return $options;
}

/**
 * Checks and cleans the settings form's values (the Settings API's sanitize callback).
 * Anything that is not one of the allowed values is replaced by the default, with a message.
 *
 * @param mixed $input What the form sent.
 * @return array<string, string>
 */
function thing_prompts_sanitize_options( $input ): array {
	$clean = thing_prompts_default_options();
	$input = is_array( $input ) ? $input : array();
	$text  = static function ( string $key ) use ( $input ): string {
		return isset( $input[ $key ] ) && is_scalar( $input[ $key ] ) ? trim( (string) $input[ $key ] ) : '';
	};

	$host = $text( 'host' );
	$url  = $text( 'host_url' );
	if ( '' !== $url ) {
		$folder = thing_prompts_host_folder( $url );
		if ( null === $folder ) {
			thing_prompts_settings_error(
				'host_url',
				__( 'The widget host must be an http:// or https:// address, such as https://cdn.example.org/thing-prompts@0.1.0/. The bundled copy is used instead.', 'thing-prompts' )
			);
			$host = 'bundled';
		} else {
			$clean['host_url'] = $folder;
		}
	}
	if ( 'url' === $host && '' === $clean['host_url'] ) {
		if ( '' === $url ) {
			thing_prompts_settings_error(
				'host_url',
				__( 'Give the address of the widget files to serve them from another host. The bundled copy is used instead.', 'thing-prompts' )
			);
		}
		$host = 'bundled';
	}
	$clean['host'] = 'url' === $host ? 'url' : 'bundled';

	$programme = $text( 'default_programme' );
	if ( '' === $programme || array_key_exists( $programme, thing_prompts_bundled_programmes() ) ) {
		$clean['default_programme'] = $programme;
	}

	$lang = $text( 'default_lang' );
	if ( '' === $lang || array_key_exists( $lang, THING_PROMPTS_LANGUAGES ) ) {
		$clean['default_lang'] = $lang;
	}
	return $clean;
}

/**
 * Reports a refused setting on the settings screen (only there: the Settings API's messages).
 *
 * @param string $field   The setting.
 * @param string $message What was wrong and what happens instead.
 */
function thing_prompts_settings_error( string $field, string $message ): void {
	if ( function_exists( 'add_settings_error' ) ) {
		add_settings_error( THING_PROMPTS_OPTION, 'thing-prompts-' . $field, $message );
	}
}

/**
 * The folder of the widget files named by a host setting: an http or https address, of the
 * folder or of its thing-prompts.js, as that folder ending with "/"; null when it is not one.
 *
 * @param string $url What the administrator typed.
 * @return string|null
 */
function thing_prompts_host_folder( string $url ): ?string {
	$url    = trim( $url );
	$scheme = strtolower( (string) wp_parse_url( $url, PHP_URL_SCHEME ) );
	$host   = (string) wp_parse_url( $url, PHP_URL_HOST );
	if ( ! in_array( $scheme, array( 'http', 'https' ), true ) || '' === $host ) {
		return null;
	}
	$clean = esc_url_raw( $url, array( 'http', 'https' ) );
	if ( '' === $clean ) {
		return null;
	}
	$clean = preg_replace( '#[?\#].*$#', '', $clean ) ?? $clean;
	if ( str_ends_with( $clean, '/thing-prompts.js' ) ) {
		$clean = substr( $clean, 0, -strlen( 'thing-prompts.js' ) );
	}
	return trailingslashit( $clean );
}

/**
 * The bundled programmes shipped in the plugin (widget/programmes/<id>.json), read once per
 * request, by id, sorted by id. Files that cannot be read are left out (wp_json_file_decode()
 * logs a notice for a file that is not JSON).
 *
 * @return array<string, array<string, mixed>>
 */
function thing_prompts_bundled_programmes(): array {
	static $programmes = null;
	if ( null !== $programmes ) {
		return $programmes;
	}
	$programmes = array();
	$files      = glob( THING_PROMPTS_WIDGET_DIR . '/programmes/*.json' );
	foreach ( is_array( $files ) ? $files : array() as $file ) {
		$id = basename( $file, '.json' );
		if ( ! thing_prompts_is_programme_id( $id ) ) {
			continue;
		}
		$data = wp_json_file_decode( $file, array( 'associative' => true ) );
		if ( is_array( $data ) && isset( $data['title'], $data['things'] ) && is_string( $data['title'] ) && is_array( $data['things'] ) ) {
			$programmes[ $id ] = $data;
		}
	}
	ksort( $programmes );
	return $programmes;
}

/**
 * Whether `$id` can name a programme: 1 to 64 lower-case letters, digits and dashes.
 *
 * @param string $id A programme id.
 */
function thing_prompts_is_programme_id( string $id ): bool {
	return 1 === preg_match( '/^[a-z0-9-]{1,64}$/', $id );
}

/**
 * Whether the widget files are inside the plugin (they are in the release zip, not in a
 * checkout of the repository).
 */
function thing_prompts_has_bundled_widget(): bool {
	return is_file( THING_PROMPTS_WIDGET_DIR . '/thing-prompts.js' );
}

/**
 * The folder the widget files are served from, ending with "/".
 */
function thing_prompts_widget_base(): string {
	$options = thing_prompts_options();
	if ( 'url' === $options['host'] ) {
		$folder = thing_prompts_host_folder( $options['host_url'] );
		if ( null !== $folder ) {
			return $folder;
		}
	}
	return plugins_url( 'widget/', THING_PROMPTS_FILE );
}

/**
 * Registers the loader (enqueued by the first shortcode or block a page renders). Its version
 * query is a hash of the bundled loader, so a new release is never served from a stale cache;
 * a file on another host is asked for as it is.
 */
function thing_prompts_register_loader(): void {
	$options = thing_prompts_options();
	$version = null;
	if ( 'url' !== $options['host'] ) {
		$loader  = THING_PROMPTS_WIDGET_DIR . '/thing-prompts.js';
		$hash    = is_file( $loader ) ? md5_file( $loader ) : false;
		$version = is_string( $hash ) ? substr( $hash, 0, 12 ) : THING_PROMPTS_VERSION;
	}
	wp_register_script( 'thing-prompts', thing_prompts_widget_base() . 'thing-prompts.js', array(), $version, true );
}
