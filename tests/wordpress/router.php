<?php
/**
 * The router of PHP's built-in server in front of Debian's WordPress (/usr/share/wordpress),
 * for the WordPress tests only (started by xtask/src/site/wordpress.rs):
 *
 * - names the site's configuration for Debian's wp-config.php, which then reads
 *   /etc/wordpress/config-<THING_PROMPTS_WP_CONFIG>.php (written by xtask for this run);
 * - serves /wp-content/ from the run's throwaway wp-content folder (THING_PROMPTS_WP_CONTENT),
 *   static files only, with the types browsers insist on (module scripts, WebAssembly);
 * - leaves everything else to the built-in server: WordPress's PHP files and its static files.
 */

$_SERVER['WORDPRESS_CONFIG'] = (string) getenv( 'THING_PROMPTS_WP_CONFIG' );

$path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH ) );
if ( ! str_starts_with( $path, '/wp-content/' ) ) {
	return false;
}

$types = array(
	'js'    => 'text/javascript; charset=utf-8',
	'mjs'   => 'text/javascript; charset=utf-8',
	'css'   => 'text/css; charset=utf-8',
	'json'  => 'application/json',
	'wasm'  => 'application/wasm',
	'svg'   => 'image/svg+xml',
	'png'   => 'image/png',
	'jpg'   => 'image/jpeg',
	'jpeg'  => 'image/jpeg',
	'gif'   => 'image/gif',
	'webp'  => 'image/webp',
	'woff'  => 'font/woff',
	'woff2' => 'font/woff2',
	'ttf'   => 'font/ttf',
	'txt'   => 'text/plain; charset=utf-8',
	'html'  => 'text/html; charset=utf-8',
);
$content   = rtrim( (string) getenv( 'THING_PROMPTS_WP_CONTENT' ), '/' );
$file      = $content . substr( $path, strlen( '/wp-content' ) );
$extension = strtolower( pathinfo( $file, PATHINFO_EXTENSION ) );
if ( '' === $content || str_contains( $path, '..' ) || ! is_file( $file ) || ! isset( $types[ $extension ] ) ) {
	http_response_code( 404 );
	header( 'Content-Type: text/plain; charset=utf-8' );
	echo "Not found\n";
	return true;
}
header( 'Content-Type: ' . $types[ $extension ] );
header( 'Content-Length: ' . filesize( $file ) );
header( 'X-Content-Type-Options: nosniff' );
header( 'Cache-Control: no-cache' );
readfile( $file );
return true;
