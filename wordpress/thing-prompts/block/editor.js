/* Thing Prompts checklist: the block's editor. Plain JavaScript for the browser as it is (no
 * build step, no JSX): wp.element.createElement and the editor's own packages.
 * The block saves no markup of its own (save returns null): the server renders it with the
 * shortcode's function, and the preview below shows that rendering with the real widget. */
( function ( wp ) {
	'use strict';
	var el = wp.element.createElement;
	var useState = wp.element.useState;
	var useEffect = wp.element.useEffect;
	var useRef = wp.element.useRef;
	var __ = wp.i18n.__;
	var blockEditor = wp.blockEditor;
	var components = wp.components;
	var OTHER = '__other';

	function data() {
		var given = window.thingPromptsEditor || {};
		return {
			courses: Array.isArray( given.courses ) ? given.courses : [],
			defaultProgramme: typeof given.defaultProgramme === 'string' ? given.defaultProgramme : '',
			languages: given.languages && typeof given.languages === 'object' ? given.languages : {},
		};
	}

	function findCourse( courses, id ) {
		for ( var i = 0; i < courses.length; i++ ) {
			if ( courses[ i ].id === id ) {
				return courses[ i ];
			}
		}
		return null;
	}

	/** "answered = {done} of {total} done" lines as { answered: "{done} of {total} done" }. */
	function parseLabels( text ) {
		var labels = {};
		text.split( /\r?\n/ ).forEach( function ( line ) {
			var at = line.indexOf( '=' );
			if ( at < 1 ) {
				return;
			}
			var key = line.slice( 0, at ).trim().toLowerCase().replace( /[\s_]+/g, '-' );
			var wording = line.slice( at + 1 ).trim();
			if ( key && wording ) {
				labels[ key ] = wording;
			}
		} );
		return labels;
	}

	function labelsText( labels ) {
		return Object.keys( labels || {} )
			.map( function ( key ) {
				return key + ' = ' + labels[ key ];
			} )
			.join( '\n' );
	}

	/**
	 * The block as the post will show it: the server's rendering (the shortcode's function, every
	 * value escaped there), turned into the widget by the loader, fetched again as the options change.
	 */
	function Preview( props ) {
		var box = useRef( null );
		var stateAndSet = useState( 'loading' );
		var state = stateAndSet[ 0 ];
		var setState = stateAndSet[ 1 ];
		var key = JSON.stringify( props.attributes );
		useEffect(
			function () {
				var cancelled = false;
				var timer = setTimeout( function () {
					wp.apiFetch( {
						path: '/wp/v2/block-renderer/thing-prompts/checklist?context=edit',
						method: 'POST',
						data: { attributes: props.attributes },
					} ).then(
						function ( response ) {
							if ( cancelled || ! box.current ) {
								return;
							}
							box.current.innerHTML = response && typeof response.rendered === 'string' ? response.rendered : '';
							setState( 'ready' );
							if ( window.ThingPrompts && typeof window.ThingPrompts.scan === 'function' ) {
								window.ThingPrompts.scan();
							}
						},
						function () {
							if ( ! cancelled ) {
								setState( 'error' );
							}
						}
					);
				}, 300 );
				return function () {
					cancelled = true;
					clearTimeout( timer );
				};
			},
			[ key ]
		);
		return el(
			'div',
			{ className: 'thing-prompts-block__preview', 'aria-busy': state === 'loading' ? 'true' : 'false' },
			el( 'p', { className: 'thing-prompts-block__caption' }, __( 'Preview: what readers see (ticks made here stay in your browser)', 'thing-prompts' ) ),
			state === 'loading' ? el( components.Spinner, null ) : null,
			state === 'error' ? el( 'p', null, __( 'The preview could not be loaded; the block is saved all the same.', 'thing-prompts' ) ) : null,
			el( 'div', { ref: box, className: 'thing-prompts-block__rendered' } )
		);
	}

	function Edit( props ) {
		var a = props.attributes;
		var set = props.setAttributes;
		var site = data();
		var ids = site.courses.map( function ( course ) {
			return course.id;
		} );
		var otherAndSet = useState( a.programmeSrc !== '' || ( a.programme !== '' && ids.indexOf( a.programme ) < 0 ) );
		var other = otherAndSet[ 0 ];
		var setOther = otherAndSet[ 1 ];
		var labelsAndSet = useState( labelsText( a.labels ) );
		var course = other ? null : findCourse( site.courses, a.programme || site.defaultProgramme );
		var defaultCourse = findCourse( site.courses, site.defaultProgramme );
		var own = a.questions.trim() !== '';

		var courseOptions = [
			{
				value: '',
				label: defaultCourse
					? __( 'The site\u2019s default', 'thing-prompts' ) + ' (' + defaultCourse.id + ')'
					: __( 'None (your own questions)', 'thing-prompts' ),
			},
		]
			.concat(
				site.courses.map( function ( each ) {
					// The id first: the titles of a course's runs differ only at their end.
					return { value: each.id, label: each.id + ' \u00b7 ' + each.title };
				} )
			)
			.concat( [ { value: OTHER, label: __( 'Another course (its id or its file\u2019s address)', 'thing-prompts' ) } ] );

		var thingControl = course
			? el( components.SelectControl, {
					label: __( 'Thing', 'thing-prompts' ),
					value: a.thing,
					options: [ { value: '', label: __( 'This week\u2019s Thing', 'thing-prompts' ) } ].concat(
						course.things.map( function ( thing ) {
							return { value: String( thing.number ), label: __( 'Thing', 'thing-prompts' ) + ' ' + thing.number + ': ' + thing.title };
						} )
					),
					onChange: function ( value ) {
						set( { thing: value } );
					},
			  } )
			: el( components.TextControl, {
					label: __( 'Thing number', 'thing-prompts' ),
					help: __( 'A number such as 12; empty for this week\u2019s Thing.', 'thing-prompts' ),
					value: a.thing,
					onChange: function ( value ) {
						set( { thing: value } );
					},
			  } );

		var languageOptions = [ { value: '', label: __( 'The post\u2019s language', 'thing-prompts' ) } ].concat(
			Object.keys( site.languages ).map( function ( code ) {
				return { value: code, label: site.languages[ code ] };
			} )
		);

		var sidebar = el(
			blockEditor.InspectorControls,
			null,
			el(
				components.PanelBody,
				{ title: __( 'Questions', 'thing-prompts' ), initialOpen: true },
				el( components.SelectControl, {
					label: __( 'Course', 'thing-prompts' ),
					value: other ? OTHER : a.programme,
					options: courseOptions,
					onChange: function ( value ) {
						if ( value === OTHER ) {
							setOther( true );
							set( { programme: '', thing: '' } );
						} else {
							setOther( false );
							set( { programme: value, programmeSrc: '', thing: '' } );
						}
					},
				} ),
				other
					? el( components.TextControl, {
							label: __( 'Course id', 'thing-prompts' ),
							help: __( 'Lower-case letters, digits and dashes: where readers\u2019 ticks are kept.', 'thing-prompts' ),
							value: a.programme,
							onChange: function ( value ) {
								set( { programme: value } );
							},
					  } )
					: null,
				other
					? el( components.TextControl, {
							label: __( 'Address of the programme file', 'thing-prompts' ),
							help: __( 'An https:// address of the course\u2019s JSON file (optional).', 'thing-prompts' ),
							type: 'url',
							value: a.programmeSrc,
							onChange: function ( value ) {
								set( { programmeSrc: value } );
							},
					  } )
					: null,
				el( components.SelectControl, {
					label: __( 'Show', 'thing-prompts' ),
					value: a.view,
					options: [
						{ value: '', label: __( 'A Thing\u2019s checklist', 'thing-prompts' ) },
						{ value: 'overview', label: __( 'The course overview', 'thing-prompts' ) },
					],
					onChange: function ( value ) {
						set( { view: value } );
					},
				} ),
				a.view === 'overview' ? null : thingControl,
				a.view === 'overview'
					? null
					: el( components.ToggleControl, {
							label: __( 'A private notes box under each question', 'thing-prompts' ),
							checked: !! a.notes,
							onChange: function ( value ) {
								set( { notes: !! value } );
							},
					  } )
			),
			el(
				components.PanelBody,
				{ title: __( 'Appearance', 'thing-prompts' ), initialOpen: false },
				el( components.SelectControl, {
					label: __( 'Colours', 'thing-prompts' ),
					value: a.theme,
					options: [
						{ value: '', label: __( 'Follow the blog', 'thing-prompts' ) },
						{ value: 'light', label: __( 'Light', 'thing-prompts' ) },
						{ value: 'dark', label: __( 'Dark', 'thing-prompts' ) },
					],
					onChange: function ( value ) {
						set( { theme: value } );
					},
				} ),
				el( components.SelectControl, {
					label: __( 'Language of the buttons', 'thing-prompts' ),
					value: a.lang,
					options: languageOptions,
					onChange: function ( value ) {
						set( { lang: value } );
					},
				} ),
				el( components.TextareaControl, {
					label: __( 'Reworded interface strings', 'thing-prompts' ),
					help: __( 'One per line, as key = wording, e.g. answered = {done} of {total} done. The keys are listed in the plugin\u2019s documentation.', 'thing-prompts' ),
					value: labelsAndSet[ 0 ],
					onChange: function ( value ) {
						labelsAndSet[ 1 ]( value );
						set( { labels: parseLabels( value ) } );
					},
				} )
			)
		);

		return el(
			'div',
			blockEditor.useBlockProps( { className: 'thing-prompts-block' } ),
			sidebar,
			el( 'p', { className: 'thing-prompts-block__title' }, __( 'Thing Prompts checklist', 'thing-prompts' ) ),
			el( components.TextareaControl, {
				label: __( 'Your own questions, one per line', 'thing-prompts' ),
				help: __( 'Leave empty to show the course\u2019s questions for the Thing chosen in the sidebar.', 'thing-prompts' ),
				value: a.questions,
				rows: 4,
				onChange: function ( value ) {
					set( { questions: value } );
				},
			} ),
			own
				? el( components.TextControl, {
						label: __( 'Heading above your questions (optional)', 'thing-prompts' ),
						value: a.title,
						onChange: function ( value ) {
							set( { title: value } );
						},
				  } )
				: null,
			el( Preview, { attributes: a } )
		);
	}

	wp.blocks.registerBlockType( 'thing-prompts/checklist', {
		edit: Edit,
		save: function () {
			return null;
		},
	} );
} )( window.wp );
