/* Thing Prompts checklist: the block's editor. Plain JavaScript for the browser as it is (no
 * build step, no JSX): wp.element.createElement and the editor's own packages.
 * The block saves no markup of its own (save returns null): the server renders it with the
 * shortcode's function, and the preview below shows that rendering with the real widget. */
( function ( wp ) {
	'use strict';
	const el = wp.element.createElement;
	const useState = wp.element.useState;
	const useEffect = wp.element.useEffect;
	const useRef = wp.element.useRef;
	const __ = wp.i18n.__;
	const sprintf = wp.i18n.sprintf;
	const blockEditor = wp.blockEditor;
	const components = wp.components;
	const OTHER = '__other';

	function data() {
		const given = window.thingPromptsEditor || {};
		return {
			courses: Array.isArray( given.courses ) ? given.courses : [],
			defaultProgramme:
				typeof given.defaultProgramme === 'string'
					? given.defaultProgramme
					: '',
			languages:
				given.languages && typeof given.languages === 'object'
					? given.languages
					: {},
		};
	}

	function findCourse( courses, id ) {
		for ( let i = 0; i < courses.length; i++ ) {
			if ( courses[ i ].id === id ) {
				return courses[ i ];
			}
		}
		return null;
	}

	/**
	 * Reads "answered = {done} of {total} done" lines as { answered: "{done} of {total} done" }.
	 *
	 * @param {string} text The textarea's lines, one `key = wording` each.
	 * @return {Object<string, string>} The wordings by key.
	 */
	function parseLabels( text ) {
		const labels = {};
		text.split( /\r?\n/ ).forEach( function ( line ) {
			const at = line.indexOf( '=' );
			if ( at < 1 ) {
				return;
			}
			const key = line
				.slice( 0, at )
				.trim()
				.toLowerCase()
				.replace( /[\s_]+/g, '-' );
			const wording = line.slice( at + 1 ).trim();
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
	 *
	 * @param {Object} props            The component's properties.
	 * @param {Object} props.attributes The block's attributes.
	 * @return {Object} The preview's element.
	 */
	function Preview( props ) {
		const box = useRef( null );
		const [ state, setState ] = useState( 'loading' );
		// The attributes as text: the preview is fetched again when their values change, not
		// whenever the editor hands over a new object with the same values.
		const key = JSON.stringify( props.attributes );
		useEffect(
			function () {
				let cancelled = false;
				const timer = setTimeout( function () {
					wp.apiFetch( {
						path: '/wp/v2/block-renderer/thing-prompts/checklist?context=edit',
						method: 'POST',
						data: { attributes: JSON.parse( key ) },
					} ).then(
						function ( response ) {
							if ( cancelled || ! box.current ) {
								return;
							}
							box.current.innerHTML =
								response &&
								typeof response.rendered === 'string'
									? response.rendered
									: '';
							setState( 'ready' );
							if (
								window.ThingPrompts &&
								typeof window.ThingPrompts.scan === 'function'
							) {
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
			{
				className: 'thing-prompts-block-preview',
				'aria-busy': state === 'loading' ? 'true' : 'false',
			},
			el(
				'p',
				{ className: 'thing-prompts-block-caption' },
				__(
					'Preview: what readers see (ticks made here stay in your browser)',
					'thing-prompts'
				)
			),
			state === 'loading' ? el( components.Spinner, null ) : null,
			state === 'error'
				? el(
						'p',
						null,
						__(
							'The preview could not be loaded; the block is saved all the same.',
							'thing-prompts'
						)
				  )
				: null,
			el( 'div', {
				ref: box,
				className: 'thing-prompts-block-rendered',
			} )
		);
	}

	function Edit( props ) {
		const a = props.attributes;
		const set = props.setAttributes;
		const site = data();
		const ids = site.courses.map( function ( course ) {
			return course.id;
		} );
		const [ other, setOther ] = useState(
			a.programmeSrc !== '' ||
				( a.programme !== '' && ids.indexOf( a.programme ) < 0 )
		);
		const [ labels, setLabels ] = useState( labelsText( a.labels ) );
		const course = other
			? null
			: findCourse( site.courses, a.programme || site.defaultProgramme );
		const defaultCourse = findCourse( site.courses, site.defaultProgramme );
		const own = a.questions.trim() !== '';

		/* translators: %s: the id of the site's default course, such as cpd23-2012. */
		const siteDefault = __( 'The site default (%s)', 'thing-prompts' );
		const courseOptions = [
			{
				value: '',
				label: defaultCourse
					? sprintf( siteDefault, defaultCourse.id )
					: __( 'None (your own questions)', 'thing-prompts' ),
			},
		]
			.concat(
				site.courses.map( function ( each ) {
					// The id first: the titles of a course's runs differ only at their end.
					return {
						value: each.id,
						label: each.id + ' \u00b7 ' + each.title,
					};
				} )
			)
			.concat( [
				{
					value: OTHER,
					label: __(
						'Another course (its id or its file\u2019s address)',
						'thing-prompts'
					),
				},
			] );

		const thingControl = course
			? el( components.SelectControl, {
					label: __( 'Thing', 'thing-prompts' ),
					value: a.thing,
					options: [
						{
							value: '',
							label: __(
								'This week\u2019s Thing',
								'thing-prompts'
							),
						},
					].concat(
						course.things.map( function ( thing ) {
							return {
								value: String( thing.number ),
								label: sprintf(
									/* translators: 1: a Thing's number, 2: its title. */
									__( 'Thing %1$d: %2$s', 'thing-prompts' ),
									thing.number,
									thing.title
								),
							};
						} )
					),
					onChange( value ) {
						set( { thing: value } );
					},
			  } )
			: el( components.TextControl, {
					label: __( 'Thing number', 'thing-prompts' ),
					help: __(
						'A number such as 12; empty for this week\u2019s Thing.',
						'thing-prompts'
					),
					value: a.thing,
					onChange( value ) {
						set( { thing: value } );
					},
			  } );

		const languageOptions = [
			{
				value: '',
				label: __( 'The post\u2019s language', 'thing-prompts' ),
			},
		].concat(
			Object.keys( site.languages ).map( function ( code ) {
				return { value: code, label: site.languages[ code ] };
			} )
		);

		const sidebar = el(
			blockEditor.InspectorControls,
			null,
			el(
				components.PanelBody,
				{
					title: __( 'Questions', 'thing-prompts' ),
					initialOpen: true,
				},
				el( components.SelectControl, {
					label: __( 'Course', 'thing-prompts' ),
					value: other ? OTHER : a.programme,
					options: courseOptions,
					onChange( value ) {
						if ( value === OTHER ) {
							setOther( true );
							set( { programme: '', thing: '' } );
						} else {
							setOther( false );
							set( {
								programme: value,
								programmeSrc: '',
								thing: '',
							} );
						}
					},
				} ),
				other
					? el( components.TextControl, {
							label: __( 'Course id', 'thing-prompts' ),
							help: __(
								'Lower-case letters, digits and dashes: where readers\u2019 ticks are kept.',
								'thing-prompts'
							),
							value: a.programme,
							onChange( value ) {
								set( { programme: value } );
							},
					  } )
					: null,
				other
					? el( components.TextControl, {
							label: __(
								'Address of the programme file',
								'thing-prompts'
							),
							help: __(
								'An https:// address of the course\u2019s JSON file (optional).',
								'thing-prompts'
							),
							type: 'url',
							value: a.programmeSrc,
							onChange( value ) {
								set( { programmeSrc: value } );
							},
					  } )
					: null,
				el( components.SelectControl, {
					label: __( 'Show', 'thing-prompts' ),
					value: a.view,
					options: [
						{
							value: '',
							label: __(
								'A Thing\u2019s checklist',
								'thing-prompts'
							),
						},
						{
							value: 'overview',
							label: __( 'The course overview', 'thing-prompts' ),
						},
					],
					onChange( value ) {
						set( { view: value } );
					},
				} ),
				a.view === 'overview' ? null : thingControl,
				a.view === 'overview'
					? null
					: el( components.ToggleControl, {
							label: __(
								'A private notes box under each question',
								'thing-prompts'
							),
							checked: !! a.notes,
							onChange( value ) {
								set( { notes: !! value } );
							},
					  } )
			),
			el(
				components.PanelBody,
				{
					title: __( 'Appearance', 'thing-prompts' ),
					initialOpen: false,
				},
				el( components.SelectControl, {
					label: __( 'Colours', 'thing-prompts' ),
					value: a.theme,
					options: [
						{
							value: '',
							label: __( 'Follow the blog', 'thing-prompts' ),
						},
						{
							value: 'light',
							label: __( 'Light', 'thing-prompts' ),
						},
						{ value: 'dark', label: __( 'Dark', 'thing-prompts' ) },
					],
					onChange( value ) {
						set( { theme: value } );
					},
				} ),
				el( components.SelectControl, {
					label: __( 'Language of the buttons', 'thing-prompts' ),
					value: a.lang,
					options: languageOptions,
					onChange( value ) {
						set( { lang: value } );
					},
				} ),
				el( components.TextareaControl, {
					label: __( 'Reworded interface strings', 'thing-prompts' ),
					help: __(
						'One per line, as key = wording, e.g. answered = {done} of {total} done. The keys are listed in the plugin\u2019s documentation.',
						'thing-prompts'
					),
					value: labels,
					onChange( value ) {
						setLabels( value );
						set( { labels: parseLabels( value ) } );
					},
				} )
			)
		);

		return el(
			'div',
			blockEditor.useBlockProps( { className: 'thing-prompts-block' } ),
			sidebar,
			el(
				'p',
				{ className: 'thing-prompts-block-title' },
				__( 'Thing Prompts checklist', 'thing-prompts' )
			),
			el( components.TextareaControl, {
				label: __(
					'Your own questions, one per line',
					'thing-prompts'
				),
				help: __(
					'Leave empty to show the course\u2019s questions for the Thing chosen in the sidebar.',
					'thing-prompts'
				),
				value: a.questions,
				rows: 4,
				onChange( value ) {
					set( { questions: value } );
				},
			} ),
			own
				? el( components.TextControl, {
						label: __(
							'Heading above your questions (optional)',
							'thing-prompts'
						),
						value: a.title,
						onChange( value ) {
							set( { title: value } );
						},
				  } )
				: null,
			el( Preview, { attributes: a } )
		);
	}

	wp.blocks.registerBlockType( 'thing-prompts/checklist', {
		edit: Edit,
		save() {
			return null;
		},
	} );
} )( window.wp );
