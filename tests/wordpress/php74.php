<?php
/**
 * The plugin runs on PHP 7.4 (its header's "Requires PHP"), but the PHP here is Debian's 8.2, and
 * PHPCompatibility 9.3.5 (the newest release, in ../shared/tools/php-standards) knows nothing
 * newer than PHP 7.4: `php -l` and phpcs both pass code that PHP 7.4 cannot run. This scan
 * reads every PHP file under the given folders with PHP's tokenizer and lists what PHP 8.0 to
 * 8.2 brought that PHP 7.4 does not have:
 *
 * - syntax: match, ?->, attributes, enum, readonly, named arguments, constructor promotion,
 *   trailing commas in parameter and `use` lists, a catch without a variable, first-class
 *   callables `f(...)`, `new` in a parameter's default value;
 * - types: union types (`int|string`), mixed, never, static, false, null and true as types;
 * - functions and classes of PHP 8 that WordPress 6.1 does not polyfill (its polyfills of
 *   str_contains(), str_starts_with() and str_ends_with(), since 5.9, may be used).
 *
 * It is a lint, not a PHP 7.4 parser: it looks for these forms only.
 *
 *   php tests/wordpress/php74.php <folder>...    prints each finding; exits 1 if there is one
 *
 * Run by cargo xtask test (xtask/src/site/plugin_checks.rs).
 */

/** PHP 8 functions WordPress 6.1 does not polyfill. */
const NEWER_FUNCTIONS = array(
	'array_is_list',
	'fdiv',
	'get_debug_type',
	'get_resource_id',
	'preg_last_error_msg',
	'enum_exists',
	'fsync',
	'fdatasync',
	'ini_parse_quantity',
	'memory_reset_peak_usage',
	'mysqli_execute_query',
	'openssl_cipher_key_length',
	'curl_upkeep',
	'libxml_get_external_entity_loader',
	'sodium_crypto_stream_xchacha20_xor_ic',
	'json_validate',
	'mb_str_pad',
	'str_increment',
	'str_decrement',
	'array_find',
	'array_find_key',
	'array_any',
	'array_all',
);

/** PHP 8 classes and interfaces. */
const NEWER_CLASSES = array( 'stringable', 'weakmap', 'valueerror', 'unhandledmatcherror', 'reflectionenum', 'fiber', 'returntypewillchange', 'sensitiveparameter', 'allowdynamicproperties' );

/** Tokens that PHP 7.4 has no use for, by name (defined only by a newer PHP's tokenizer). */
const NEWER_TOKENS = array(
	'T_MATCH'                    => 'match (PHP 8.0)',
	'T_NULLSAFE_OBJECT_OPERATOR' => '?-> (PHP 8.0)',
	'T_ATTRIBUTE'                => 'an attribute #[...] (PHP 8.0)',
	'T_ENUM'                     => 'enum (PHP 8.1)',
	'T_READONLY'                 => 'readonly (PHP 8.1)',
);

/** Types a signature may not use in PHP 7.4. */
const NEWER_TYPES = array( 'mixed', 'never', 'static', 'false', 'null', 'true' );

/**
 * The tokens of a file without white space and comments, as [kind, text, line].
 *
 * @param string $file A PHP file.
 * @return array<int, array{0: int|string, 1: string, 2: int}>
 */
function php74_tokens( string $file ): array {
	$tokens = array();
	$line   = 1;
	foreach ( token_get_all( (string) file_get_contents( $file ) ) as $token ) {
		if ( is_array( $token ) ) {
			$line = $token[2];
			if ( ! in_array( $token[0], array( T_WHITESPACE, T_COMMENT, T_DOC_COMMENT ), true ) ) {
				$tokens[] = array( $token[0], $token[1], $line );
			}
		} else {
			$tokens[] = array( $token, $token, $line );
		}
	}
	return $tokens;
}

/**
 * The index of the `)` that closes the `(` at `$open`.
 *
 * @param array<int, array{0: int|string, 1: string, 2: int}> $tokens The tokens.
 * @param int                                                  $open   Where the `(` is.
 */
function php74_closing( array $tokens, int $open ): int {
	$depth = 0;
	$count = count( $tokens );
	for ( $i = $open; $i < $count; $i++ ) {
		if ( in_array( $tokens[ $i ][0], array( '(', '[', '{', T_CURLY_OPEN, T_DOLLAR_OPEN_CURLY_BRACES ), true ) ) {
			++$depth;
		} elseif ( in_array( $tokens[ $i ][0], array( ')', ']', '}' ), true ) ) {
			--$depth;
			if ( 0 === $depth ) {
				return $i;
			}
		}
	}
	return $count - 1;
}

/**
 * Whether a token is a name: a plain identifier, or a qualified one (PHP 8's tokenizer).
 *
 * @param array{0: int|string, 1: string, 2: int} $token A token.
 */
function php74_is_name( array $token ): bool {
	$kinds = array( T_STRING );
	foreach ( array( 'T_NAME_QUALIFIED', 'T_NAME_FULLY_QUALIFIED', 'T_NAME_RELATIVE' ) as $name ) {
		if ( defined( $name ) ) {
			$kinds[] = constant( $name );
		}
	}
	return in_array( $token[0], $kinds, true );
}

/**
 * Checks a parameter list from `(` at `$open` to its `)` at `$close`: types, promotion, `new`
 * in a default value, a trailing comma.
 *
 * @param array<int, array{0: int|string, 1: string, 2: int}> $tokens The tokens.
 * @param int                                                  $open   Where the `(` is.
 * @param int                                                  $close  Where the `)` is.
 * @return string[]
 */
function php74_parameters( array $tokens, int $open, int $close ): array {
	$found      = array();
	$in_default = false;
	$depth      = 0;
	for ( $i = $open + 1; $i < $close; $i++ ) {
		$kind = $tokens[ $i ][0];
		$line = $tokens[ $i ][2];
		if ( in_array( $kind, array( '(', '[', '{' ), true ) ) {
			++$depth;
		} elseif ( in_array( $kind, array( ')', ']', '}' ), true ) ) {
			--$depth;
		} elseif ( 0 === $depth && ',' === $kind ) {
			$in_default = false;
		} elseif ( 0 === $depth && '=' === $kind ) {
			$in_default = true;
		} elseif ( $in_default && T_NEW === $kind ) {
			$found[] = "line $line: new in a parameter's default value (PHP 8.1)";
		} elseif ( ! $in_default && 0 === $depth && '|' === $kind ) {
			$found[] = "line $line: a union type (PHP 8.0)";
		} elseif ( ! $in_default && 0 === $depth && in_array( $kind, array( T_PUBLIC, T_PROTECTED, T_PRIVATE ), true ) ) {
			$found[] = "line $line: constructor property promotion (PHP 8.0)";
		} elseif ( ! $in_default && 0 === $depth && php74_is_name( $tokens[ $i ] ) && in_array( strtolower( $tokens[ $i ][1] ), NEWER_TYPES, true ) ) {
			$found[] = "line $line: the type {$tokens[ $i ][1]} (PHP 8)";
		}
	}
	if ( $close > $open + 1 && ',' === $tokens[ $close - 1 ][0] ) {
		$found[] = "line {$tokens[ $close ][2]}: a trailing comma in a parameter or use list (PHP 8.0)";
	}
	return $found;
}

/**
 * What PHP 7.4 could not run in one file.
 *
 * @param string $file A PHP file.
 * @return string[]
 */
function php74_findings( string $file ): array {
	$found  = array();
	$tokens = php74_tokens( $file );
	$count  = count( $tokens );
	$newer  = array();
	foreach ( NEWER_TOKENS as $name => $what ) {
		if ( defined( $name ) ) {
			$newer[ constant( $name ) ] = $what;
		}
	}
	for ( $i = 0; $i < $count; $i++ ) {
		list( $kind, $text, $line ) = $tokens[ $i ];
		$previous                   = $tokens[ $i - 1 ][0] ?? null;
		$next                       = $tokens[ $i + 1 ][0] ?? null;
		if ( is_int( $kind ) && isset( $newer[ $kind ] ) ) {
			$found[] = "line $line: " . $newer[ $kind ];
		}
		// A named argument: `name:` right after `(` or `,` (not `::`, not a ternary's `:`).
		if ( php74_is_name( $tokens[ $i ] ) && ':' === $next && in_array( $previous, array( '(', ',' ), true ) ) {
			$found[] = "line $line: the named argument $text: (PHP 8.0)";
		}
		// A first-class callable: `f(...)`.
		if ( T_ELLIPSIS === $kind && '(' === $previous && ')' === $next ) {
			$found[] = "line $line: a first-class callable (...) (PHP 8.1)";
		}
		// `catch ( Exception )` without a variable.
		if ( T_CATCH === $kind && '(' === $next ) {
			$close = php74_closing( $tokens, $i + 1 );
			if ( T_VARIABLE !== $tokens[ $close - 1 ][0] ) {
				$found[] = "line $line: a catch without a variable (PHP 8.0)";
			}
		}
		// Functions and closures: their parameters, their `use` list and their return type.
		if ( in_array( $kind, array( T_FUNCTION, T_FN ), true ) ) {
			$open = $i + 1;
			while ( $open < $count && '(' !== $tokens[ $open ][0] ) {
				++$open;
			}
			$close = php74_closing( $tokens, $open );
			foreach ( php74_parameters( $tokens, $open, $close ) as $finding ) {
				$found[] = $finding;
			}
			$after = $close + 1;
			if ( isset( $tokens[ $after ] ) && T_USE === $tokens[ $after ][0] ) {
				$use_close = php74_closing( $tokens, $after + 1 );
				if ( ',' === $tokens[ $use_close - 1 ][0] ) {
					$found[] = "line {$tokens[ $use_close ][2]}: a trailing comma in a use list (PHP 8.0)";
				}
				$after = $use_close + 1;
			}
			if ( isset( $tokens[ $after ] ) && ':' === $tokens[ $after ][0] ) {
				for ( $j = $after + 1; $j < $count && ! in_array( $tokens[ $j ][0], array( '{', ';', T_DOUBLE_ARROW ), true ); $j++ ) {
					if ( '|' === $tokens[ $j ][0] ) {
						$found[] = "line {$tokens[ $j ][2]}: a union return type (PHP 8.0)";
					} elseif ( ( php74_is_name( $tokens[ $j ] ) || T_STATIC === $tokens[ $j ][0] ) && in_array( strtolower( $tokens[ $j ][1] ), NEWER_TYPES, true ) ) {
						$found[] = "line {$tokens[ $j ][2]}: the return type {$tokens[ $j ][1]} (PHP 8)";
					}
				}
			}
		}
		// A call of a PHP 8 function, or a PHP 8 class named anywhere.
		if ( php74_is_name( $tokens[ $i ] ) ) {
			$name = strtolower( ltrim( $text, '\\' ) );
			$call = '(' === $next && ! in_array( $previous, array( T_OBJECT_OPERATOR, T_DOUBLE_COLON, T_FUNCTION, T_NEW ), true );
			if ( $call && in_array( $name, NEWER_FUNCTIONS, true ) ) {
				$found[] = "line $line: $text(), which PHP 7.4 lacks and WordPress 6.1 does not polyfill";
			}
			if ( in_array( $name, NEWER_CLASSES, true ) ) {
				$found[] = "line $line: $text, which PHP 7.4 lacks";
			}
		}
	}
	return $found;
}

$folders = array_slice( $argv, 1 );
if ( array() === $folders ) {
	fwrite( STDERR, "usage: php php74.php <folder>...\n" );
	exit( 2 );
}
$files = array();
foreach ( $folders as $folder ) {
	if ( is_file( $folder ) ) {
		$files[] = $folder;
		continue;
	}
	$walk = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $folder, FilesystemIterator::SKIP_DOTS ) );
	foreach ( $walk as $path => $info ) {
		if ( $info->isFile() && str_ends_with( $path, '.php' ) ) {
			$files[] = $path;
		}
	}
}
sort( $files );
$total = 0;
foreach ( $files as $file ) {
	foreach ( php74_findings( $file ) as $finding ) {
		echo "$file: $finding\n";
		++$total;
	}
}
echo count( $files ), " PHP files read, $total uses of PHP newer than 7.4\n";
exit( $total > 0 ? 1 : 0 );
