<?php
/**
 * The block "Thing Prompts checklist": block.json, a plain-JavaScript editor script, and a
 * server-side render through thing_prompts_render(), the shortcode's own function.
 *
 * @package ThingPrompts
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers the editor's script and styles, then the block from its block.json.
 */
function thing_prompts_register_block(): void {
	$dir     = dirname( THING_PROMPTS_FILE ) . '/block';
	$version = THING_PROMPTS_VERSION . '-' . (string) filemtime( $dir . '/editor.js' );
	// The loader is a dependency, so the editor's preview shows the real widget.
	wp_register_script(
		'thing-prompts-editor',
		plugins_url( 'block/editor.js', THING_PROMPTS_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-api-fetch', 'thing-prompts' ),
		$version,
		true
	);
	// Its translations: languages/thing-prompts-<locale>-<md5 of "block/editor.js">.json.
	wp_set_script_translations( 'thing-prompts-editor', 'thing-prompts', dirname( THING_PROMPTS_FILE ) . '/languages' );
	wp_register_style( 'thing-prompts-editor', plugins_url( 'block/editor.css', THING_PROMPTS_FILE ), array(), $version );
	register_block_type( $dir, array( 'render_callback' => 'thing_prompts_render_block' ) );
}

add_action( 'enqueue_block_editor_assets', 'thing_prompts_editor_assets' );

/**
 * Hands the editor script the bundled courses (read only in the editor, not on every page).
 */
function thing_prompts_editor_assets(): void {
	wp_add_inline_script( 'thing-prompts-editor', 'window.thingPromptsEditor = ' . wp_json_encode( thing_prompts_editor_data() ) . ';', 'before' );
}

/**
 * What the editor script needs to offer the bundled courses: each one's title and Things, the
 * site's default course, the languages.
 *
 * @return array<string, mixed>
 */
function thing_prompts_editor_data(): array {
	$courses = array();
	foreach ( thing_prompts_bundled_programmes() as $id => $programme ) {
		$things = array();
		foreach ( $programme['things'] as $thing ) {
			if ( is_array( $thing ) && isset( $thing['number'], $thing['title'] ) ) {
				$things[] = array(
					'number' => (int) $thing['number'],
					'title'  => (string) $thing['title'],
				);
			}
		}
		$courses[] = array(
			'id'     => (string) $id,
			'title'  => (string) $programme['title'],
			'things' => $things,
		);
	}
	$options = thing_prompts_options();
	return array(
		'courses'          => $courses,
		'defaultProgramme' => $options['default_programme'],
		'languages'        => THING_PROMPTS_LANGUAGES,
	);
}

/**
 * The block's render callback: its attributes as the shortcode's, its questions one per line.
 *
 * @param array<string, mixed> $attributes The block's attributes (block.json).
 * @return string
 */
function thing_prompts_render_block( $attributes ): string {
	$attributes = is_array( $attributes ) ? $attributes : array();
	$atts       = array();
	$text       = static function ( string $key ) use ( $attributes ): string {
		return isset( $attributes[ $key ] ) && is_scalar( $attributes[ $key ] ) ? trim( (string) $attributes[ $key ] ) : '';
	};
	foreach ( array( 'programme', 'thing', 'title', 'lang', 'theme', 'view' ) as $key ) {
		if ( '' !== $text( $key ) ) {
			$atts[ $key ] = $text( $key );
		}
	}
	if ( '' !== $text( 'programmeSrc' ) ) {
		$atts['programme_src'] = $text( 'programmeSrc' );
	}
	if ( ! empty( $attributes['notes'] ) ) {
		$atts['notes'] = 'on';
	}
	if ( isset( $attributes['labels'] ) && is_array( $attributes['labels'] ) ) {
		foreach ( $attributes['labels'] as $key => $wording ) {
			if ( is_string( $key ) && is_scalar( $wording ) ) {
				$atts[ 'label_' . $key ] = (string) $wording;
			}
		}
	}
	return thing_prompts_render( $atts, thing_prompts_questions_from_text( $text( 'questions' ) ) );
}
