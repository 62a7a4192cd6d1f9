<?php
/**
 * Settings → Thing Prompts: where the widget files come from, the default course and language.
 * Built on the Settings API, which checks the capability (manage_options) and the form's nonce
 * when options.php saves it; every value is sanitized on the way in and escaped on the way out.
 *
 * @package ThingPrompts
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_action( 'admin_init', 'thing_prompts_register_settings' );
add_action( 'admin_menu', 'thing_prompts_settings_menu' );

/**
 * Registers the option, its section and its fields.
 */
function thing_prompts_register_settings(): void {
	register_setting(
		'thing_prompts',
		THING_PROMPTS_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'thing_prompts_sanitize_options',
			'default'           => thing_prompts_default_options(),
			'show_in_rest'      => false,
		)
	);
	add_settings_section( 'thing_prompts_main', '', '__return_false', 'thing-prompts' );
	add_settings_field( 'thing_prompts_host', __( 'Widget files', 'thing-prompts' ), 'thing_prompts_field_host', 'thing-prompts', 'thing_prompts_main' );
	add_settings_field(
		'thing_prompts_default_programme',
		__( 'Default course', 'thing-prompts' ),
		'thing_prompts_field_programme',
		'thing-prompts',
		'thing_prompts_main',
		array( 'label_for' => 'thing-prompts-default-programme' )
	);
	add_settings_field(
		'thing_prompts_default_lang',
		__( 'Language of the buttons', 'thing-prompts' ),
		'thing_prompts_field_lang',
		'thing-prompts',
		'thing_prompts_main',
		array( 'label_for' => 'thing-prompts-default-lang' )
	);
}

/**
 * Adds Settings → Thing Prompts, for those who may change options.
 */
function thing_prompts_settings_menu(): void {
	add_options_page(
		__( 'Thing Prompts', 'thing-prompts' ),
		__( 'Thing Prompts', 'thing-prompts' ),
		'manage_options',
		'thing-prompts',
		'thing_prompts_settings_page'
	);
}

/**
 * The settings screen.
 */
function thing_prompts_settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<?php if ( ! thing_prompts_has_bundled_widget() ) : ?>
			<div class="notice notice-warning inline"><p>
				<?php esc_html_e( 'This copy of the plugin has no widget files (its widget/ folder is missing): install the release zip, or give the address of a host that serves them.', 'thing-prompts' ); ?>
			</p></div>
		<?php endif; ?>
		<form action="<?php echo esc_url( admin_url( 'options.php' ) ); ?>" method="post">
			<?php
			settings_fields( 'thing_prompts' );
			do_settings_sections( 'thing-prompts' );
			submit_button();
			?>
		</form>
		<h2><?php esc_html_e( 'In a post', 'thing-prompts' ); ?></h2>
		<p><?php esc_html_e( 'Add the block "Thing Prompts checklist", or type a shortcode in any editor:', 'thing-prompts' ); ?></p>
		<p><code>[thing_prompts programme="cpd23-2012" thing="12"]</code></p>
		<p><code>[thing_prompts]<?php esc_html_e( 'What did you try this week?', 'thing-prompts' ); ?><br><?php esc_html_e( 'What would you do differently?', 'thing-prompts' ); ?>[/thing_prompts]</code></p>
		<p><?php esc_html_e( 'Authors and Contributors can use both: unlike a pasted <script>, neither needs the unfiltered_html capability.', 'thing-prompts' ); ?></p>
	</div>
	<?php
}

/**
 * Bundled copy, or another host's address.
 */
function thing_prompts_field_host(): void {
	$options = thing_prompts_options();
	$name    = THING_PROMPTS_OPTION;
	?>
	<fieldset>
		<legend class="screen-reader-text"><?php esc_html_e( 'Widget files', 'thing-prompts' ); ?></legend>
		<p><label>
			<input type="radio" name="<?php echo esc_attr( $name ); ?>[host]" value="bundled" <?php checked( 'url' !== $options['host'] ); ?>>
			<?php esc_html_e( 'The copy inside this plugin (served by this site; nothing is fetched from anywhere else)', 'thing-prompts' ); ?>
		</label></p>
		<p><label>
			<input type="radio" name="<?php echo esc_attr( $name ); ?>[host]" value="url" <?php checked( 'url' === $options['host'] ); ?>>
			<?php esc_html_e( 'Another host, at this address:', 'thing-prompts' ); ?>
		</label></p>
		<p>
			<label for="thing-prompts-host-url" class="screen-reader-text"><?php esc_html_e( 'Address of the widget files', 'thing-prompts' ); ?></label>
			<input type="url" class="regular-text code" id="thing-prompts-host-url" name="<?php echo esc_attr( $name ); ?>[host_url]"
				value="<?php echo esc_attr( $options['host_url'] ); ?>" placeholder="https://cdn.example.org/thing-prompts@<?php echo esc_attr( THING_PROMPTS_VERSION ); ?>/">
		</p>
		<p class="description">
			<?php esc_html_e( 'The folder that holds thing-prompts.js (a CDN path of the npm package, or your own copy of the release files). Readers\' browsers fetch the widget from there.', 'thing-prompts' ); ?>
		</p>
		<p class="description">
			<?php esc_html_e( 'Served now from:', 'thing-prompts' ); ?> <code><?php echo esc_html( thing_prompts_widget_base() . 'thing-prompts.js' ); ?></code>
		</p>
	</fieldset>
	<?php
}

/**
 * The course a shortcode or block shows when it names none.
 */
function thing_prompts_field_programme(): void {
	$options = thing_prompts_options();
	?>
	<select id="thing-prompts-default-programme" name="<?php echo esc_attr( THING_PROMPTS_OPTION ); ?>[default_programme]">
		<option value="" <?php selected( '', $options['default_programme'] ); ?>><?php esc_html_e( 'None: each shortcode names its course or has its own questions', 'thing-prompts' ); ?></option>
		<?php foreach ( thing_prompts_bundled_programmes() as $id => $programme ) : ?>
			<option value="<?php echo esc_attr( (string) $id ); ?>" <?php selected( (string) $id, $options['default_programme'] ); ?>><?php echo esc_html( (string) $programme['title'] ); ?></option>
		<?php endforeach; ?>
	</select>
	<p class="description"><?php esc_html_e( 'Used by [thing_prompts thing="12"] and by blocks that name no course.', 'thing-prompts' ); ?></p>
	<?php
}

/**
 * The widget's interface language.
 */
function thing_prompts_field_lang(): void {
	$options = thing_prompts_options();
	?>
	<select id="thing-prompts-default-lang" name="<?php echo esc_attr( THING_PROMPTS_OPTION ); ?>[default_lang]">
		<option value="" <?php selected( '', $options['default_lang'] ); ?>><?php esc_html_e( 'The language of the post or the site', 'thing-prompts' ); ?></option>
		<?php foreach ( THING_PROMPTS_LANGUAGES as $code => $language ) : ?>
			<option value="<?php echo esc_attr( $code ); ?>" <?php selected( $code, $options['default_lang'] ); ?>><?php echo esc_html( $language ); ?></option>
		<?php endforeach; ?>
	</select>
	<p class="description"><?php esc_html_e( 'A shortcode\'s lang="…" or the block\'s own choice still wins.', 'thing-prompts' ); ?></p>
	<?php
}
