<?php
/**
 * The one source of markup: the shortcode and the block both come here, and get the
 * placeholder of the widget's embed contract (README "Paste it into a post") with a static
 * copy of the questions inside it, for feeds, email and readers without JavaScript.
 *
 * @package ThingPrompts
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * [thing_prompts programme="cpd23-2012" thing="12"], or the author's own questions between
 * [thing_prompts] and [/thing_prompts], one per line or as a list.
 *
 * @param array<string|int, string>|string $atts    The shortcode's attributes ("" when none).
 * @param string|null                      $content What it encloses.
 * @return string
 */
function thing_prompts_shortcode( $atts, $content = null ): string {
	$atts      = is_array( $atts ) ? $atts : array();
	$questions = thing_prompts_questions_from_html( is_string( $content ) ? $content : '' );
	return thing_prompts_render( $atts, $questions );
}

/**
 * The placeholder for these attributes and questions, as the post shows it:
 *
 * - in a summary (an excerpt: front pages, archives, the feed's description), the heading of
 *   the static copy alone (such as "Thing 12: Putting the social into social media"), since
 *   WordPress strips every tag there and a list would run into one line;
 * - in a feed, the placeholder with its static copy and no script;
 * - on a page, the placeholder, with the loader enqueued (WordPress prints it once however many
 *   placeholders the page has), and for people who can edit posts, a note of any attribute that
 *   was refused.
 *
 * @param array<string|int, mixed> $atts      Shortcode-style attributes (see thing_prompts_embed()).
 * @param string[]                 $questions The author's own questions, if any.
 * @return string
 */
function thing_prompts_render( array $atts, array $questions ): string {
	$embed = thing_prompts_embed( $atts, $questions );
	if ( thing_prompts_in_excerpt() ) {
		return '' === $embed['heading'] ? '' : '<p>' . esc_html( $embed['heading'] ) . '</p>';
	}
	$html = thing_prompts_markup( $embed );
	if ( is_feed() ) {
		return $html;
	}
	wp_enqueue_script( 'thing-prompts' );
	if ( array() !== $embed['problems'] && is_user_logged_in() && current_user_can( 'edit_posts' ) ) {
		$html = thing_prompts_notice( $embed['problems'] ) . $html;
	}
	return $html;
}

/**
 * Whether WordPress is making an excerpt (wp_trim_excerpt() runs inside this filter).
 */
function thing_prompts_in_excerpt(): bool {
	return doing_filter( 'get_the_excerpt' );
}

/**
 * Reads shortcode-style attributes and questions into the placeholder to write.
 *
 * Attributes (names in any case; `-` and `_` alike): programme, thing, title, lang, theme,
 * notes, view, programme_src, label_<key>. A value that is not allowed is left out and
 * reported in `problems`; nothing is ever written unescaped.
 *
 * @param array<string|int, mixed> $atts      The attributes.
 * @param string[]                 $questions The author's own questions (inline mode), if any.
 * @return array{attributes: array<int, array{0: string, 1: string}>, heading: string, list: string[], lines: string[], problems: string[]}
 */
function thing_prompts_embed( array $atts, array $questions ): array {
	$options  = thing_prompts_options();
	$problems = array();
	$given    = array();
	$labels   = array();
	foreach ( $atts as $name => $value ) {
		if ( ! is_string( $name ) ) {
			/* translators: %s: a word written in the shortcode without a name and "=". */
			$problems[] = sprintf( __( '"%s" has no name: write it as name="value".', 'thing-prompts' ), is_scalar( $value ) ? (string) $value : '' );
			continue;
		}
		$name  = str_replace( '-', '_', strtolower( trim( $name ) ) );
		$value = is_scalar( $value ) ? trim( (string) $value ) : '';
		if ( str_starts_with( $name, 'label_' ) ) {
			$key = str_replace( '_', '-', substr( $name, strlen( 'label_' ) ) );
			if ( 1 !== preg_match( '/^[a-z][a-z-]{0,30}[a-z]$/', $key ) ) {
				/* translators: %s: an attribute name. */
				$problems[] = sprintf( __( '%s does not name an interface string.', 'thing-prompts' ), $name );
			} elseif ( '' !== $value ) {
				$labels[ $key ] = $value;
			}
		} elseif ( in_array( $name, array( 'programme', 'thing', 'title', 'lang', 'theme', 'notes', 'view', 'programme_src' ), true ) ) {
			$given[ $name ] = $value;
		} else {
			/* translators: %s: an attribute name. */
			$problems[] = sprintf( __( 'There is no attribute "%s".', 'thing-prompts' ), $name );
		}
	}
	$questions = array_values( array_filter( array_map( 'thing_prompts_clean_question', $questions ), 'strlen' ) );

	$programme = '';
	$source    = '';
	if ( isset( $given['programme_src'] ) && '' !== $given['programme_src'] ) {
		$source = thing_prompts_programme_url( $given['programme_src'] );
		if ( '' === $source ) {
			$problems[] = __( 'programme_src must be an http:// or https:// address of a programme file; it was left out.', 'thing-prompts' );
		} elseif ( isset( $given['programme'] ) && '' !== $given['programme'] ) {
			$problems[] = __( 'Give either programme or programme_src, not both: programme_src is used.', 'thing-prompts' );
		}
	}
	if ( '' === $source && isset( $given['programme'] ) && '' !== $given['programme'] ) {
		if ( thing_prompts_is_programme_id( $given['programme'] ) ) {
			$programme = $given['programme'];
		} else {
			$problems[] = __( 'programme must be a course id of lower-case letters, digits and dashes, such as cpd23-2012; it was left out.', 'thing-prompts' );
		}
	}

	$thing = '';
	if ( isset( $given['thing'] ) && '' !== $given['thing'] ) {
		$value = strtolower( $given['thing'] );
		if ( 'current' === $value || 1 === preg_match( '/^[1-9][0-9]{0,3}$/', $value ) ) {
			$thing = $value;
		} else {
			$problems[] = __( 'thing must be a Thing number such as 12, or "current" for this week\'s Thing; it was left out.', 'thing-prompts' );
		}
	}

	// The site's default course, for a placeholder that names none and has no questions of its own
	// (or has them for a numbered Thing of that course).
	if ( '' === $programme && '' === $source && thing_prompts_is_programme_id( $options['default_programme'] )
		&& ( array() === $questions || ctype_digit( $thing ) ) ) {
		$programme = $options['default_programme'];
	}

	$view = '';
	if ( isset( $given['view'] ) && '' !== $given['view'] ) {
		$value = strtolower( $given['view'] );
		if ( 'overview' === $value ) {
			$view = 'overview';
		} elseif ( 'checklist' !== $value ) {
			$problems[] = __( 'view must be "checklist" or "overview"; it was left out.', 'thing-prompts' );
		}
	}

	$notes = false;
	if ( isset( $given['notes'] ) && '' !== $given['notes'] ) {
		$value = strtolower( $given['notes'] );
		if ( in_array( $value, array( 'on', 'yes', 'true', '1' ), true ) ) {
			$notes = true;
		} elseif ( ! in_array( $value, array( 'off', 'no', 'false', '0' ), true ) ) {
			$problems[] = __( 'notes must be "on" or "off"; it was left out.', 'thing-prompts' );
		}
	}

	$theme = '';
	if ( isset( $given['theme'] ) && '' !== $given['theme'] ) {
		$value = strtolower( $given['theme'] );
		if ( in_array( $value, array( 'light', 'dark' ), true ) ) {
			$theme = $value;
		} elseif ( 'auto' !== $value ) {
			$problems[] = __( 'theme must be "auto", "light" or "dark"; it was left out.', 'thing-prompts' );
		}
	}

	$lang = array_key_exists( $options['default_lang'], THING_PROMPTS_LANGUAGES ) ? $options['default_lang'] : '';
	if ( isset( $given['lang'] ) && '' !== $given['lang'] ) {
		if ( 1 === preg_match( '/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/', $given['lang'] ) ) {
			$lang = $given['lang'];
		} else {
			$problems[] = __( 'lang must be a language tag such as en, fr, de, es or fr-CA; it was left out.', 'thing-prompts' );
		}
	}

	$attributes = array( array( 'class', 'thing-prompts' ) );
	if ( '' !== $source ) {
		$attributes[] = array( 'data-programme-src', $source );
	} elseif ( '' !== $programme ) {
		$attributes[] = array( 'data-programme', $programme );
	}
	if ( 'overview' === $view ) {
		$attributes[] = array( 'data-view', 'overview' );
	} elseif ( '' !== $thing ) {
		$attributes[] = array( 'data-thing', $thing );
	}
	if ( $notes && 'overview' !== $view ) {
		$attributes[] = array( 'data-notes', 'on' );
	}
	if ( '' !== $theme ) {
		$attributes[] = array( 'data-theme', $theme );
	}
	if ( '' !== $lang ) {
		$attributes[] = array( 'data-lang', $lang );
	}
	foreach ( $labels as $key => $text ) {
		$attributes[] = array( 'data-label-' . $key, $text );
	}

	$copy = thing_prompts_static_copy( '' === $source ? $programme : '', $thing, $view, $questions );
	if ( isset( $given['title'] ) && '' !== $given['title'] ) {
		$copy['heading'] = $given['title'];
	}
	if ( array() === $questions && '' === $programme && '' === $source ) {
		$problems[] = __( 'There are no questions to show: name a course, as in [thing_prompts programme="cpd23-2012" thing="12"], or write your questions between [thing_prompts] and [/thing_prompts], one per line.', 'thing-prompts' );
	}
	return array(
		'attributes' => $attributes,
		'heading'    => $copy['heading'],
		'list'       => $copy['list'],
		'lines'      => $copy['lines'],
		'problems'   => $problems,
	);
}

/**
 * The static copy inside the placeholder: a heading line, the questions as a list (which the
 * widget reads as the questions, with the same ticks as the programme's), further lines. The
 * same rules as the configurator's snippet (src/snippet.rs).
 *
 * @param string   $programme A bundled programme's id, or "".
 * @param string   $thing     A Thing number, "current" or "".
 * @param string   $view      "overview" or "".
 * @param string[] $questions The author's own questions.
 * @return array{heading: string, list: string[], lines: string[]}
 */
function thing_prompts_static_copy( string $programme, string $thing, string $view, array $questions ): array {
	$course = '' === $programme ? null : ( thing_prompts_bundled_programmes()[ $programme ] ?? null );
	if ( array() !== $questions && 'overview' !== $view ) {
		return array(
			'heading' => '',
			'list'    => $questions,
			'lines'   => array(),
		);
	}
	if ( 'overview' === $view ) {
		$things = array();
		foreach ( null === $course ? array() : $course['things'] as $entry ) {
			if ( is_array( $entry ) && isset( $entry['number'], $entry['title'] ) ) {
				$things[] = thing_prompts_thing_heading( (int) $entry['number'], (string) $entry['title'] );
			}
		}
		return array(
			'heading' => null === $course ? __( 'The course', 'thing-prompts' ) : (string) $course['title'],
			'list'    => $things,
			'lines'   => array( __( 'Your progress on each Thing appears here.', 'thing-prompts' ) ),
		);
	}
	if ( ctype_digit( $thing ) ) {
		$number = (int) $thing;
		foreach ( null === $course ? array() : $course['things'] as $entry ) {
			if ( ! is_array( $entry ) || ! isset( $entry['number'], $entry['title'] ) || (int) $entry['number'] !== $number ) {
				continue;
			}
			$texts       = array();
			$inline_safe = isset( $entry['prompts'] ) && is_array( $entry['prompts'] ) && array() !== $entry['prompts'];
			foreach ( $inline_safe ? $entry['prompts'] : array() as $prompt ) {
				$text = is_array( $prompt ) && isset( $prompt['text'] ) && is_string( $prompt['text'] ) ? thing_prompts_clean_question( $prompt['text'], false ) : '';
				// A question with its own id, or an optional one, must keep the programme's reading:
				// in a list the widget would derive the id from the text and count it.
				if ( '' === $text || isset( $prompt['id'] ) || ! empty( $prompt['optional'] ) ) {
					$inline_safe = false;
				}
				if ( '' !== $text ) {
					$texts[] = $text;
				}
			}
			return array(
				'heading' => thing_prompts_thing_heading( $number, (string) $entry['title'] ),
				'list'    => $inline_safe ? $texts : array(),
				'lines'   => $inline_safe ? array() : $texts,
			);
		}
		return array(
			/* translators: %d: a Thing's number. */
			'heading' => sprintf( __( 'Thing %d', 'thing-prompts' ), $number ),
			'list'    => array(),
			'lines'   => array( __( 'The questions appear here.', 'thing-prompts' ) ),
		);
	}
	// This week's Thing changes every week: a list written now would pin this week's questions.
	return array(
		'heading' => null === $course ? __( 'This week\'s Thing', 'thing-prompts' ) : (string) $course['title'],
		'list'    => array(),
		'lines'   => array( __( 'This week\'s Thing and its questions appear here.', 'thing-prompts' ) ),
	);
}

/**
 * "Thing 12: Putting the social into social media".
 *
 * @param int    $number The Thing's number.
 * @param string $title  Its title.
 */
function thing_prompts_thing_heading( int $number, string $title ): string {
	/* translators: 1: a Thing's number, 2: its title. */
	return sprintf( __( 'Thing %1$d: %2$s', 'thing-prompts' ), $number, $title );
}

/**
 * The placeholder's HTML, on one line (so that no later paragraph filter can split it), every
 * value escaped.
 *
 * @param array{attributes: array<int, array{0: string, 1: string}>, heading: string, list: string[], lines: string[], problems: string[]} $embed What thing_prompts_embed() read.
 */
function thing_prompts_markup( array $embed ): string {
	$html = '<div';
	foreach ( $embed['attributes'] as $attribute ) {
		$html .= ' ' . $attribute[0] . '="' . esc_attr( $attribute[1] ) . '"';
	}
	$html .= '>';
	if ( '' !== $embed['heading'] ) {
		$html .= '<p><strong>' . esc_html( $embed['heading'] ) . '</strong></p>';
	}
	if ( array() !== $embed['list'] ) {
		$html .= '<ul>';
		foreach ( $embed['list'] as $item ) {
			$html .= '<li>' . esc_html( $item ) . '</li>';
		}
		$html .= '</ul>';
	}
	foreach ( $embed['lines'] as $line ) {
		$html .= '<p>' . esc_html( $line ) . '</p>';
	}
	return $html . '</div>';
}

/**
 * A short note above the placeholder for people who can edit posts (never for readers, never in
 * feeds): what was refused, so the author can fix the shortcode or the block.
 *
 * @param string[] $problems What was wrong.
 */
function thing_prompts_notice( array $problems ): string {
	$items = '';
	foreach ( $problems as $problem ) {
		$items .= '<li>' . esc_html( $problem ) . '</li>';
	}
	return '<div class="thing-prompts-notice" role="note" style="border-left:4px solid #d63638;padding:0.25em 0.75em;margin:1em 0;"><p><strong>'
		. esc_html__( 'Thing Prompts (only people who can edit posts see this):', 'thing-prompts' )
		. '</strong></p><ul>' . $items . '</ul></div>';
}

/**
 * An http or https address for data-programme-src, or "" when it is not one.
 *
 * @param string $url The address as written.
 */
function thing_prompts_programme_url( string $url ): string {
	$url    = trim( html_entity_decode( $url, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
	$scheme = strtolower( (string) wp_parse_url( $url, PHP_URL_SCHEME ) );
	$host   = (string) wp_parse_url( $url, PHP_URL_HOST );
	if ( ! in_array( $scheme, array( 'http', 'https' ), true ) || '' === $host ) {
		return '';
	}
	return esc_url_raw( $url, array( 'http', 'https' ) );
}

/**
 * The questions a shortcode encloses: the items of a list when it holds one, else one per line
 * (WordPress may have turned the lines into paragraphs and <br> by then). Tags are dropped,
 * character references read, list markers typed by hand ("1.", "-", "*") removed.
 *
 * @param string $content The enclosed HTML.
 * @return string[]
 */
function thing_prompts_questions_from_html( string $content ): array {
	if ( preg_match_all( '#<li\b[^>]*>(.*?)</li>#is', $content, $items ) > 0 ) {
		$lines = $items[1];
	} else {
		$text  = preg_replace( '#<br\s*/?>|</?(?:p|div|h[1-6])\b[^>]*>#i', "\n", $content ) ?? $content;
		$lines = preg_split( '/\R/u', $text );
		$lines = is_array( $lines ) ? $lines : array();
	}
	$questions = array();
	foreach ( $lines as $line ) {
		$line = html_entity_decode( wp_strip_all_tags( $line ), ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		$line = thing_prompts_clean_question( $line );
		if ( '' !== $line ) {
			$questions[] = $line;
		}
	}
	return $questions;
}

/**
 * The questions typed in the block: one per line, as plain text (a "<" in one is a "<").
 *
 * @param string $text The block's questions.
 * @return string[]
 */
function thing_prompts_questions_from_text( string $text ): array {
	$lines = preg_split( '/\R/u', $text );
	$lines = is_array( $lines ) ? $lines : array();
	return array_values( array_filter( array_map( 'thing_prompts_clean_question', $lines ), 'strlen' ) );
}

/**
 * One question as the widget compares them: white space collapsed and trimmed, and (for the
 * author's own lines) a list marker typed by hand removed.
 *
 * @param string $text           The question.
 * @param bool   $strip_markers  Whether to remove a leading "1.", "1)", "-", "*" or "•".
 */
function thing_prompts_clean_question( $text, bool $strip_markers = true ): string {
	$text = trim( preg_replace( '/\s+/u', ' ', is_string( $text ) ? $text : '' ) ?? '' );
	if ( $strip_markers ) {
		$text = preg_replace( '/^(?:[-*•]|[0-9]{1,3}[.)])\s+/u', '', $text ) ?? $text;
	}
	return $text;
}
