//! Every string a reader sees, in English, French, German and Spanish, with an organiser's overrides.
//!
//! Messages for page authors (a bad placeholder, a broken programme) stay in English: they are
//! read by whoever edits the post, and the same words appear in the console.

use crate::core::date::CivilDate;
use crate::core::embed::Wording;
use std::fmt;

/// A language the interface is written in: the words of each language of the core's list
/// (`core::languages::LANGUAGES`, in the same order; `tests/i18n.rs` holds the two together).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Fr,
    De,
    Es,
}

impl Lang {
    /// Every language, in the order of the core's list.
    pub const ALL: [Self; 4] = [Self::En, Self::Fr, Self::De, Self::Es];

    /// The language of a BCP 47 tag such as `fr-CA` or `de_AT`; `None` when not one of ours.
    /// (A search of `ALL` by `tag` made the lite module 2 B bigger.)
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Self::En),
            "fr" => Some(Self::Fr),
            "de" => Some(Self::De),
            "es" => Some(Self::Es),
            _ => None,
        }
    }

    /// The tag to put on the widget's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
            Self::De => "de",
            Self::Es => "es",
        }
    }

    /// Whether `n` takes the singular ("1 tick"; in French also "0 coche").
    fn is_singular(self, n: usize) -> bool {
        match self {
            Self::Fr => n <= 1,
            _ => n == 1,
        }
    }

    /// `n` with the language's digit grouping: 12,345 / 12 345 / 12.345 / 12.345.
    pub fn number(self, n: usize) -> String {
        let digits = n.to_string();
        let separator = match self {
            Self::En => ",",
            Self::Fr => "\u{202f}",
            Self::De | Self::Es => ".",
        };
        // Spanish leaves four-digit numbers ungrouped.
        if digits.len() <= 3 || (self == Self::Es && digits.len() == 4) {
            return digits;
        }
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(separator);
            }
            out.push(digit);
        }
        out
    }

    /// A date without its weekday: "16 July 2012", "16 juillet 2012", "16. Juli 2012", "16 de julio de 2012".
    pub fn short_date(self, date: CivilDate) -> String {
        let months: &[&str; 12] = match self {
            Self::En => &EN_MONTHS,
            Self::Fr => &FR_MONTHS,
            Self::De => &DE_MONTHS,
            Self::Es => &ES_MONTHS,
        };
        let month = months.get(date.month0()).copied().unwrap_or("");
        let (day, year) = (date.day(), date.year());
        match self {
            Self::En | Self::Fr => format!("{day} {month} {year}"),
            Self::De => format!("{day}. {month} {year}"),
            Self::Es => format!("{day} de {month} de {year}"),
        }
    }

    /// A date written out as people of this language do: "Monday 30 April 2012",
    /// "lundi 30 avril 2012", "Montag, 30. April 2012", "lunes, 30 de abril de 2012".
    pub fn date(self, date: CivilDate) -> String {
        let (weekdays, months): (&[&str; 7], &[&str; 12]) = match self {
            Self::En => (&EN_WEEKDAYS, &EN_MONTHS),
            Self::Fr => (&FR_WEEKDAYS, &FR_MONTHS),
            Self::De => (&DE_WEEKDAYS, &DE_MONTHS),
            Self::Es => (&ES_WEEKDAYS, &ES_MONTHS),
        };
        let weekday = weekdays.get(date.weekday()).copied().unwrap_or("");
        let month = months.get(date.month0()).copied().unwrap_or("");
        let (day, year) = (date.day(), date.year());
        match self {
            Self::En => format!("{weekday} {day} {month} {year}"),
            Self::Fr => format!("{weekday} {day} {month} {year}"),
            Self::De => format!("{weekday}, {day}. {month} {year}"),
            Self::Es => format!("{weekday}, {day} de {month} de {year}"),
        }
    }
}

const EN_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FR_WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const DE_WEEKDAYS: [&str; 7] = [
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];
const DE_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const ES_WEEKDAYS: [&str; 7] = [
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];
const ES_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Writes the label table once: each label's name, the key an organiser overrides it with
/// (`data-label-<key>`), which module shows it (`lite`: both; `full`: only the full module,
/// so the lite one carries an empty text), and its text in English, French, German and
/// Spanish. Adding a label or a language is one change here.
macro_rules! labels {
    ($($name:ident $key:literal $part:ident [$en:literal, $fr:literal, $de:literal, $es:literal $(,)?]),* $(,)?) => {
        /// The strings of the interface. Each has a key an organiser can override with a
        /// `data-label-<key>` attribute; `{name}` marks a value, and `{n|one|other}` picks the
        /// singular or plural form for the number `n`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
        pub enum Label {
            $($name),*
        }

        /// Every label, in the order of the table (and of the documentation).
        pub const LABELS: [Label; [$(stringify!($name)),*].len()] = [$(Label::$name),*];

        impl Label {
            /// The part after `data-label-` that overrides this label; empty in the lite module
            /// for a label of the full module's parts. The lite module thus takes a rewording of
            /// such a label for a key it does not know, and hands the placeholder to the full
            /// module (as it does with every warning), which knows the key: each key costs the
            /// first download nothing unless the page uses it.
            pub fn key(self) -> &'static str {
                self.field(0)
            }

            /// The built-in text in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                self.field(lang as usize + 1)
            }

            /// The label's key then its texts in each language, as one string cut at
            /// [`SEPARATOR`] (one table entry a label rather than five); empty in the lite
            /// module for a label of the full module's parts.
            fn field(self, at: usize) -> &'static str {
                let fields: &'static str = match self {
                    $(Self::$name => if shown_in!($part) {
                        concat!($key, '\u{1f}', $en, '\u{1f}', $fr, '\u{1f}', $de, '\u{1f}', $es)
                    } else {
                        ""
                    }),*
                };
                fields.split(SEPARATOR).nth(at).unwrap_or("")
            }
        }
    };
}

/// What separates a label's key and texts in the table (see `Label::field`): a control
/// character no label holds (the tests below check).
const SEPARATOR: char = '\u{1f}';

/// Whether a label's words are in this build: the lite module never shows the full module's
/// parts, so it does not carry their wording.
macro_rules! shown_in {
    (lite) => {
        true
    };
    (full) => {
        crate::view::seam::FULL
    };
}

labels! {
    ThingOf "thing-of" lite [
        "Thing {thing} of {total}",
        "Thing {thing} sur {total}",
        "Thing {thing} von {total}",
        "Thing {thing} de {total}",
    ],
    Answered "answered" lite [
        "{done} of {total} answered",
        "{done} sur {total} {done|traitée|traitées}",
        "{done} von {total} beantwortet",
        "{done} de {total} {done|respondida|respondidas}",
    ],
    Clear "clear" lite [
        "Clear ticks",
        "Effacer les coches",
        "Häkchen entfernen",
        "Borrar las marcas",
    ],
    UndoClear "undo-clear" lite [
        "Undo clear",
        "Annuler l’effacement",
        "Entfernen rückgängig",
        "Deshacer el borrado",
    ],
    Backup "backup" lite [
        "Backup",
        "Sauvegarde",
        "Sicherung",
        "Copia de seguridad",
    ],
    BackupHint "backup-hint" full [
        "Keep a copy of your ticks and the links to your posts for this course, to move them to another browser or to bring them back if this one forgets them.",
        "Gardez une copie de vos coches et des liens vers vos billets pour ce cours, pour les passer à un autre navigateur ou les retrouver si celui-ci les oublie.",
        "Bewahren Sie eine Kopie Ihrer Häkchen und der Links zu Ihren Beiträgen für diesen Kurs auf, um sie in einen anderen Browser mitzunehmen oder zurückzuholen, falls dieser sie vergisst.",
        "Guarde una copia de sus marcas y de los enlaces a sus entradas de este curso para llevarlas a otro navegador o recuperarlas si este las olvida.",
    ],
    Download "download" full [
        "Download backup file",
        "Télécharger la sauvegarde",
        "Sicherungsdatei herunterladen",
        "Descargar la copia",
    ],
    CopyCode "copy-code" full [
        "Copy backup code",
        "Copier le code de sauvegarde",
        "Sicherungscode kopieren",
        "Copiar el código de copia",
    ],
    YourCode "your-code" full [
        "Your backup code",
        "Votre code de sauvegarde",
        "Ihr Sicherungscode",
        "Su código de copia",
    ],
    PasteCode "paste-code" full [
        "Restore from a backup code",
        "Restaurer depuis un code de sauvegarde",
        "Aus einem Sicherungscode wiederherstellen",
        "Restaurar desde un código de copia",
    ],
    RestoreCode "restore-code" full [
        "Restore code",
        "Restaurer le code",
        "Code wiederherstellen",
        "Restaurar el código",
    ],
    RestoreFile "restore-file" full [
        "or restore a backup file:",
        "ou restaurer un fichier de sauvegarde :",
        "oder eine Sicherungsdatei wiederherstellen:",
        "o restaurar un archivo de copia:",
    ],
    Saving "saving" full [
        "Saving {file}: keep it somewhere safe.",
        "Enregistrement de {file} : gardez-le en lieu sûr.",
        "{file} wird gespeichert: Bewahren Sie die Datei gut auf.",
        "Guardando {file}: consérvelo en un lugar seguro.",
    ],
    SaveRefused "save-refused" full [
        "This browser would not save the file: copy the code instead.",
        "Ce navigateur n’a pas voulu enregistrer le fichier : copiez plutôt le code.",
        "Dieser Browser hat die Datei nicht gespeichert: Kopieren Sie stattdessen den Code.",
        "Este navegador no quiso guardar el archivo: copie el código en su lugar.",
    ],
    Copied "copied" full [
        "Code copied: paste it into this widget in the other browser.",
        "Code copié : collez-le dans ce module sur l’autre navigateur.",
        "Code kopiert: Fügen Sie ihn im anderen Browser in dieses Feld ein.",
        "Código copiado: péguelo en este módulo en el otro navegador.",
    ],
    SelectCode "select-code" full [
        "Select the code below and copy it.",
        "Sélectionnez le code ci-dessous et copiez-le.",
        "Markieren Sie den Code unten und kopieren Sie ihn.",
        "Seleccione el código de abajo y cópielo.",
    ],
    FileUnreadable "file-unreadable" full [
        "That file could not be read: choose the .json file the widget saved.",
        "Ce fichier est illisible : choisissez le fichier .json enregistré par le module.",
        "Diese Datei ist nicht lesbar: Wählen Sie die .json-Datei, die das Modul gespeichert hat.",
        "No se pudo leer ese archivo: elija el archivo .json que guardó el módulo.",
    ],
    Restored "restored" full [
        "{restored} {restored|tick|ticks} restored across {things} {things|Thing|Things}.",
        "{restored} {restored|coche rétablie|coches rétablies} dans {things} {things|Thing|Things}.",
        "{restored} {restored|Häkchen|Häkchen} in {things} {things|Thing|Things} wiederhergestellt.",
        "{restored} {restored|marca restaurada|marcas restauradas} en {things} {things|Thing|Things}.",
    ],
    Already "already" full [
        "{already} {already|was|were} already here.",
        "{already} {already|était déjà là|étaient déjà là}.",
        "{already} {already|war|waren} schon vorhanden.",
        "{already} ya {already|estaba|estaban} aquí.",
    ],
    NothingNew "nothing-new" full [
        "Nothing new to restore: this browser already has the backup's {already} {already|tick|ticks}.",
        "Rien de nouveau à restaurer : ce navigateur a déjà toutes les coches de la sauvegarde ({already}).",
        "Nichts Neues wiederherzustellen: Dieser Browser hat die {already} {already|Häkchen|Häkchen} der Sicherung schon.",
        "Nada nuevo que restaurar: este navegador ya tiene todas las marcas de la copia ({already}).",
    ],
    EmptyBackup "empty-backup" full [
        "There are no ticks in this backup, so nothing was changed.",
        "Cette sauvegarde ne contient aucune coche : rien n’a été modifié.",
        "Diese Sicherung enthält keine Häkchen, daher wurde nichts geändert.",
        "Esta copia no contiene marcas, así que no se cambió nada.",
    ],
    BackupEmpty "backup-empty" full [
        "The backup is empty: paste the whole code, or choose the file you saved.",
        "La sauvegarde est vide : collez le code entier ou choisissez le fichier enregistré.",
        "Die Sicherung ist leer: Fügen Sie den ganzen Code ein oder wählen Sie die gespeicherte Datei.",
        "La copia está vacía: pegue el código completo o elija el archivo guardado.",
    ],
    BackupNotOurs "backup-not-ours" full [
        "This is not a Thing Prompts backup: choose the .json file the widget saved, or paste a code that starts with TP1.",
        "Ce n’est pas une sauvegarde Thing Prompts : choisissez le fichier .json enregistré par le module, ou collez un code qui commence par TP1.",
        "Das ist keine Thing-Prompts-Sicherung: Wählen Sie die vom Modul gespeicherte .json-Datei oder fügen Sie einen Code ein, der mit TP1 beginnt.",
        "Esto no es una copia de Thing Prompts: elija el archivo .json que guardó el módulo o pegue un código que empiece por TP1.",
    ],
    BackupNewer "backup-newer" full [
        "This backup comes from a newer version of the widget and cannot be read here yet.",
        "Cette sauvegarde vient d’une version plus récente du module et ne peut pas encore être lue ici.",
        "Diese Sicherung stammt aus einer neueren Version des Moduls und kann hier noch nicht gelesen werden.",
        "Esta copia viene de una versión más reciente del módulo y aún no se puede leer aquí.",
    ],
    BackupDamaged "backup-damaged" full [
        "The backup is damaged: copy the code again in full, or try another copy of the file.",
        "La sauvegarde est abîmée : recopiez le code en entier ou essayez une autre copie du fichier.",
        "Die Sicherung ist beschädigt: Kopieren Sie den Code noch einmal vollständig oder versuchen Sie eine andere Kopie der Datei.",
        "La copia está dañada: vuelva a copiar el código completo o pruebe con otra copia del archivo.",
    ],
    NothingChanged "nothing-changed" full [
        "Nothing was changed.",
        "Rien n’a été modifié.",
        "Es wurde nichts geändert.",
        "No se cambió nada.",
    ],
    DeviceLink "device-link" full [
        "Open on another device",
        "Ouvrir sur un autre appareil",
        "Auf einem anderen Gerät öffnen",
        "Abrir en otro dispositivo",
    ],
    DeviceLinkHint "device-link-hint" full [
        "Scan this code with your phone, or copy the link or send it by email: it opens this post on the other device with your ticks and the links to your posts. Anyone with the link can see which questions you ticked and those links.",
        "Scannez ce code avec votre téléphone, ou copiez le lien ou envoyez-le par courriel : il ouvre cet article sur l’autre appareil avec vos coches et les liens vers vos billets. Toute personne qui a le lien peut voir quelles questions vous avez cochées et ces liens.",
        "Scannen Sie diesen Code mit Ihrem Telefon oder kopieren Sie den Link oder senden Sie ihn per E-Mail: Er öffnet diesen Beitrag auf dem anderen Gerät mit Ihren Häkchen und den Links zu Ihren Beiträgen. Wer den Link hat, sieht, welche Fragen Sie abgehakt haben, und diese Links.",
        "Escanee este código con su teléfono, o copie el enlace o envíelo por correo: abre esta entrada en el otro dispositivo con sus marcas y los enlaces a sus entradas. Cualquiera que tenga el enlace puede ver qué preguntas marcó y esos enlaces.",
    ],
    QrName "qr-name" full [
        "QR code of the link to this post with your ticks",
        "Code QR du lien vers cet article avec vos coches",
        "QR-Code des Links zu diesem Beitrag mit Ihren Häkchen",
        "Código QR del enlace a esta entrada con sus marcas",
    ],
    YourLink "your-link" full [
        "Link to this post with your ticks",
        "Lien vers cet article avec vos coches",
        "Link zu diesem Beitrag mit Ihren Häkchen",
        "Enlace a esta entrada con sus marcas",
    ],
    CopyLink "copy-link" full [
        "Copy link",
        "Copier le lien",
        "Link kopieren",
        "Copiar el enlace",
    ],
    EmailLink "email-link" full [
        "Send by email",
        "Envoyer par courriel",
        "Per E-Mail senden",
        "Enviar por correo",
    ],
    EmailSubject "email-subject" full [
        "My ticks for {title}",
        "Mes coches pour {title}",
        "Meine Häkchen für {title}",
        "Mis marcas de {title}",
    ],
    EmailBody "email-body" full [
        "Open this link on the other device to add my ticks there:",
        "Ouvrez ce lien sur l’autre appareil pour y ajouter mes coches :",
        "Öffnen Sie diesen Link auf dem anderen Gerät, um meine Häkchen dort hinzuzufügen:",
        "Abra este enlace en el otro dispositivo para añadir allí mis marcas:",
    ],
    LinkCopied "link-copied" full [
        "Link copied: open it on the other device.",
        "Lien copié : ouvrez-le sur l’autre appareil.",
        "Link kopiert: Öffnen Sie ihn auf dem anderen Gerät.",
        "Enlace copiado: ábralo en el otro dispositivo.",
    ],
    SelectLink "select-link" full [
        "Select the link below and copy it.",
        "Sélectionnez le lien ci-dessous et copiez-le.",
        "Markieren Sie den Link unten und kopieren Sie ihn.",
        "Seleccione el enlace de abajo y cópielo.",
    ],
    AddTicks "add-ticks" full [
        "Add {count} {count|tick|ticks} from another device?",
        "Ajouter {count} {count|coche|coches} d’un autre appareil ?",
        "{count} {count|Häkchen|Häkchen} von einem anderen Gerät hinzufügen?",
        "¿Añadir {count} {count|marca|marcas} de otro dispositivo?",
    ],
    Add "add" full [
        "Add",
        "Ajouter",
        "Hinzufügen",
        "Añadir",
    ],
    NotNow "not-now" full [
        "Not now",
        "Pas maintenant",
        "Nicht jetzt",
        "Ahora no",
    ],
    LinkSkipped "link-skipped" full [
        "Nothing was added from the other device.",
        "Rien n’a été ajouté depuis l’autre appareil.",
        "Vom anderen Gerät wurde nichts hinzugefügt.",
        "No se añadió nada del otro dispositivo.",
    ],
    LinkDamaged "link-damaged" full [
        "The link from another device is damaged, so nothing was changed: copy it again in full.",
        "Le lien venu d’un autre appareil est abîmé, rien n’a donc été modifié : recopiez-le en entier.",
        "Der Link von einem anderen Gerät ist beschädigt, daher wurde nichts geändert: Kopieren Sie ihn noch einmal vollständig.",
        "El enlace de otro dispositivo está dañado, así que no se cambió nada: vuelva a copiarlo completo.",
    ],
    LinkOtherCourse "link-other-course" full [
        "The link from another device carries ticks of another course, so nothing was changed.",
        "Le lien venu d’un autre appareil porte les coches d’un autre cours, rien n’a donc été modifié.",
        "Der Link von einem anderen Gerät enthält Häkchen eines anderen Kurses, daher wurde nichts geändert.",
        "El enlace de otro dispositivo lleva marcas de otro curso, así que no se cambió nada.",
    ],
    StorageBlocked "storage-blocked" lite [
        "This browser is not letting the page save, so your ticks last only while it stays open. Use Backup to keep a copy.",
        "Ce navigateur n’autorise pas la page à enregistrer : vos coches ne durent que tant qu’elle reste ouverte. Utilisez Sauvegarde pour en garder une copie.",
        "Dieser Browser lässt die Seite nichts speichern, daher bleiben Ihre Häkchen nur, solange sie geöffnet ist. Nutzen Sie Sicherung, um eine Kopie aufzubewahren.",
        "Este navegador no deja guardar a la página, así que sus marcas solo duran mientras siga abierta. Use Copia de seguridad para conservarlas.",
    ],
    Reminder "reminder" full [
        "Ticks in this browser may be deleted after a week without a visit.",
        "Les coches de ce navigateur peuvent être effacées après une semaine sans visite.",
        "Häkchen in diesem Browser können nach einer Woche ohne Besuch gelöscht werden.",
        "Las marcas de este navegador pueden borrarse tras una semana sin visitas.",
    ],
    ReminderSave "reminder-save" full [
        "Save a backup",
        "Faire une sauvegarde",
        "Sicherung anlegen",
        "Guardar una copia",
    ],
    ReminderDismiss "reminder-dismiss" full [
        "Do not remind me again",
        "Ne plus me le rappeler",
        "Nicht mehr erinnern",
        "No volver a recordármelo",
    ],
    Starts "starts" lite [
        "The course starts on {date}. Its first Thing will appear here then.",
        "Le cours commence le {date}. Son premier Thing apparaîtra ici ce jour-là.",
        "Der Kurs beginnt am {date}. Sein erstes Thing erscheint dann hier.",
        "El curso empieza el {date}. Su primer Thing aparecerá aquí ese día.",
    ],
    Finished "finished" lite [
        "The course finished on {date}; this is its last Thing.",
        "Le cours s’est terminé le {date} ; voici son dernier Thing.",
        "Der Kurs endete am {date}; dies ist sein letztes Thing.",
        "El curso terminó el {date}; este es su último Thing.",
    ],
    NoQuestions "no-questions" lite [
        "Thing {thing} has no questions in this programme yet.",
        "Le Thing {thing} n’a pas encore de questions dans ce programme.",
        "Thing {thing} hat in diesem Programm noch keine Fragen.",
        "El Thing {thing} aún no tiene preguntas en este programa.",
    ],
    Questions "questions" lite [
        "Questions",
        "Questions",
        "Fragen",
        "Preguntas",
    ],
    Week "week" lite [
        "{from} – {to}",
        "du {from} au {to}",
        "{from} – {to}",
        "del {from} al {to}",
    ],
    CatchUp "catch-up" lite [
        "This is a catch-up week: no new Thing, a chance to finish the earlier ones.",
        "C’est une semaine de rattrapage : pas de nouveau Thing, l’occasion de finir les précédents.",
        "Dies ist eine Aufholwoche: kein neues Thing, Zeit, die früheren abzuschließen.",
        "Es una semana de recuperación: no hay Thing nuevo, es el momento de terminar los anteriores.",
    ],
    Overview "overview" lite [
        "All {total} Things",
        "Les {total} Things",
        "Alle {total} Things",
        "Los {total} Things",
    ],
    ShowOverview "show-overview" lite [
        "All Things",
        "Tous les Things",
        "Alle Things",
        "Todos los Things",
    ],
    Optional "optional" lite [
        "optional",
        "facultative",
        "freiwillig",
        "opcional",
    ],
    Complete "complete" full [
        "done",
        "terminé",
        "erledigt",
        "hecho",
    ],
    ThisWeek "this-week" full [
        "this week",
        "cette semaine",
        "diese Woche",
        "esta semana",
    ],
    Upcoming "upcoming" full [
        "from {date}",
        "à partir du {date}",
        "ab {date}",
        "a partir del {date}",
    ],
    CourseOver "course-over" lite [
        "The course finished on {date}.",
        "Le cours s’est terminé le {date}.",
        "Der Kurs endete am {date}.",
        "El curso terminó el {date}.",
    ],
    StartPost "start-post" lite [
        "Start my post",
        "Commencer mon billet",
        "Meinen Beitrag beginnen",
        "Empezar mi entrada",
    ],
    // --- The course record: the link to the reader's post, a finished Thing (issue #24) ---
    AddPostLink "add-post-link" lite [
        "Add the link to my post",
        "Ajouter le lien vers mon billet",
        "Link zu meinem Beitrag hinzufügen",
        "Añadir el enlace a mi entrada",
    ],
    ThingDone "thing-done" lite [
        "This Thing is done.",
        "Ce Thing est terminé.",
        "Dieses Thing ist erledigt.",
        "Este Thing está hecho.",
    ],
    PostLinkOffer "post-link-offer" full [
        "Add the link to your post below if you like.",
        "Ajoutez le lien vers votre billet ci-dessous si vous le souhaitez.",
        "Fügen Sie gern unten den Link zu Ihrem Beitrag hinzu.",
        "Añada abajo el enlace a su entrada si lo desea.",
    ],
    PostLinkLabel "post-link-label" full [
        "Address of my post on this Thing (https://…)",
        "Adresse de mon billet sur ce Thing (https://…)",
        "Adresse meines Beitrags zu diesem Thing (https://…)",
        "Dirección de mi entrada sobre este Thing (https://…)",
    ],
    MyPost "my-post" full [
        "My post",
        "Mon billet",
        "Mein Beitrag",
        "Mi entrada",
    ],
    SaveLink "save-link" full [
        "Save link",
        "Enregistrer le lien",
        "Link speichern",
        "Guardar el enlace",
    ],
    CancelLink "cancel-link" full [
        "Cancel",
        "Annuler",
        "Abbrechen",
        "Cancelar",
    ],
    ChangeLink "change-link" full [
        "Change link",
        "Modifier le lien",
        "Link ändern",
        "Cambiar el enlace",
    ],
    RemoveLink "remove-link" full [
        "Remove link",
        "Retirer le lien",
        "Link entfernen",
        "Quitar el enlace",
    ],
    LinkSaved "link-saved" full [
        "Link saved.",
        "Lien enregistré.",
        "Link gespeichert.",
        "Enlace guardado.",
    ],
    LinkRemoved "link-removed" full [
        "Link removed.",
        "Lien retiré.",
        "Link entfernt.",
        "Enlace quitado.",
    ],
    LinkEmpty "link-empty" full [
        "Type or paste the address of your post, starting with https://.",
        "Tapez ou collez l’adresse de votre billet, qui commence par https://.",
        "Geben Sie die Adresse Ihres Beitrags ein oder fügen Sie sie ein; sie beginnt mit https://.",
        "Escriba o pegue la dirección de su entrada, que empieza por https://.",
    ],
    LinkTooLong "link-too-long" full [
        "This address has {chars} characters; at most {max} are kept. Use a shorter address of your post.",
        "Cette adresse compte {chars} caractères ; {max} au plus sont gardés. Utilisez une adresse plus courte de votre billet.",
        "Diese Adresse hat {chars} Zeichen; höchstens {max} werden gespeichert. Verwenden Sie eine kürzere Adresse Ihres Beitrags.",
        "Esta dirección tiene {chars} caracteres; se guardan {max} como máximo. Use una dirección más corta de su entrada.",
    ],
    LinkScript "link-script" full [
        "A {scheme}: address runs code instead of opening a page, so it is not kept: use your post’s address, starting with https://.",
        "Une adresse {scheme}: exécute du code au lieu d’ouvrir une page, elle n’est donc pas gardée : utilisez l’adresse de votre billet, qui commence par https://.",
        "Eine {scheme}:-Adresse führt Code aus, statt eine Seite zu öffnen, und wird daher nicht gespeichert: Verwenden Sie die Adresse Ihres Beitrags, die mit https:// beginnt.",
        "Una dirección {scheme}: ejecuta código en lugar de abrir una página, así que no se guarda: use la dirección de su entrada, que empieza por https://.",
    ],
    LinkOtherScheme "link-other-scheme" full [
        "Only web addresses (http:// or https://) are kept, not {scheme}: ones.",
        "Seules les adresses web (http:// ou https://) sont gardées, pas les adresses {scheme}:.",
        "Nur Webadressen (http:// oder https://) werden gespeichert, keine {scheme}:-Adressen.",
        "Solo se guardan direcciones web (http:// o https://), no direcciones {scheme}:.",
    ],
    LinkNoScheme "link-no-scheme" full [
        "Start the address with https:// (or http://).",
        "Commencez l’adresse par https:// (ou http://).",
        "Beginnen Sie die Adresse mit https:// (oder http://).",
        "Empiece la dirección por https:// (o http://).",
    ],
    LinkNoHost "link-no-host" full [
        "The address needs the name of a site after https://.",
        "Il manque le nom d’un site après https:// dans l’adresse.",
        "Nach https:// fehlt der Name einer Website.",
        "Falta el nombre de un sitio después de https:// en la dirección.",
    ],
    LinkBadHost "link-bad-host" full [
        "The name of the site in this address is not a valid one.",
        "Le nom du site dans cette adresse n’est pas valable.",
        "Der Name der Website in dieser Adresse ist ungültig.",
        "El nombre del sitio en esta dirección no es válido.",
    ],
    LinkCredentials "link-credentials" full [
        "Leave out the user name and password: keep only your post’s address.",
        "Retirez le nom d’utilisateur et le mot de passe : gardez seulement l’adresse de votre billet.",
        "Lassen Sie Benutzername und Passwort weg: nur die Adresse Ihres Beitrags.",
        "Quite el nombre de usuario y la contraseña: deje solo la dirección de su entrada.",
    ],
    LinkBadPort "link-bad-port" full [
        "The port number in this address is not valid (1 to 65535).",
        "Le numéro de port de cette adresse n’est pas valable (de 1 à 65535).",
        "Die Portnummer in dieser Adresse ist ungültig (1 bis 65535).",
        "El número de puerto de esta dirección no es válido (de 1 a 65535).",
    ],
    LinkBadCharacter "link-bad-character" full [
        "An address cannot hold spaces or the characters < > \" \\ ` as they are: copy your post’s address from the browser’s address bar.",
        "Une adresse ne peut pas contenir d’espaces ni les caractères < > \" \\ ` tels quels : copiez l’adresse de votre billet depuis la barre d’adresse du navigateur.",
        "Eine Adresse kann keine Leerzeichen und die Zeichen < > \" \\ ` nicht direkt enthalten: Kopieren Sie die Adresse Ihres Beitrags aus der Adressleiste des Browsers.",
        "Una dirección no puede contener espacios ni los caracteres < > \" \\ ` tal cual: copie la dirección de su entrada desde la barra de direcciones del navegador.",
    ],
    NotStarted "not-started" full [
        "not started",
        "pas commencé",
        "nicht begonnen",
        "sin empezar",
    ],
    FinishedOn "finished-on" full [
        "finished on {date}",
        "terminé le {date}",
        "erledigt am {date}",
        "terminado el {date}",
    ],
    LinksRestored "links-restored" full [
        "{links} {links|link|links} to your posts restored.",
        "{links} {links|lien|liens} vers vos billets {links|rétabli|rétablis}.",
        "{links} {links|Link|Links} zu Ihren Beiträgen wiederhergestellt.",
        "{links} {links|enlace|enlaces} a sus entradas {links|restaurado|restaurados}.",
    ],
    AddLinks "add-links" full [
        "Add {links} {links|link|links} to your posts from another device?",
        "Ajouter {links} {links|lien|liens} vers vos billets d’un autre appareil ?",
        "{links} {links|Link|Links} zu Ihren Beiträgen von einem anderen Gerät hinzufügen?",
        "¿Añadir {links} {links|enlace|enlaces} a sus entradas de otro dispositivo?",
    ],
    NameRestored "name-restored" full [
        "Your name for the course record restored.",
        "Votre nom pour le relevé du cours rétabli.",
        "Ihr Name für den Kursnachweis wiederhergestellt.",
        "Su nombre para el registro del curso restaurado.",
    ],
    // --- end of the course record's words of issue #24b ---
    OutlineHint "outline-hint" full [
        "Copy an outline for your own post: this Thing's title, the course, and each question with an empty paragraph under it for your answer. HTML suits Blogger's HTML view and WordPress's Custom HTML block.",
        "Copiez un plan pour votre propre billet : le titre de ce Thing, le cours, et chaque question suivie d’un paragraphe vide pour votre réponse. Le HTML convient à la vue HTML de Blogger et au bloc HTML personnalisé de WordPress.",
        "Kopieren Sie eine Gliederung für Ihren eigenen Beitrag: den Titel dieses Things, den Kurs und jede Frage mit einem leeren Absatz darunter für Ihre Antwort. HTML passt in die HTML-Ansicht von Blogger und den Block „Individuelles HTML“ von WordPress.",
        "Copie un esquema para su propia entrada: el título de este Thing, el curso y cada pregunta con un párrafo vacío debajo para su respuesta. El HTML sirve para la vista HTML de Blogger y el bloque HTML personalizado de WordPress.",
    ],
    CopyAs "copy-as" full [
        "Copy as {format}",
        "Copier en {format}",
        "Als {format} kopieren",
        "Copiar como {format}",
    ],
    PlainText "plain-text" full [
        "plain text",
        "texte brut",
        "Nur-Text",
        "texto sin formato",
    ],
    OutlineCopied "outline-copied" full [
        "Copied as {format}: paste it into your post.",
        "Copié en {format} : collez-le dans votre billet.",
        "Als {format} kopiert: Fügen Sie es in Ihren Beitrag ein.",
        "Copiado como {format}: péguelo en su entrada.",
    ],
    SelectOutline "select-outline" full [
        "This browser would not copy it: select the outline below and copy it yourself.",
        "Ce navigateur n’a pas voulu le copier : sélectionnez le plan ci-dessous et copiez-le vous-même.",
        "Dieser Browser hat nicht kopiert: Markieren Sie die Gliederung unten und kopieren Sie sie selbst.",
        "Este navegador no quiso copiarlo: seleccione el esquema de abajo y cópielo usted.",
    ],
    YourOutline "your-outline" full [
        "Your outline as {format}",
        "Votre plan en {format}",
        "Ihre Gliederung als {format}",
        "Su esquema como {format}",
    ],
    OutlineTitle "outline-title" full [
        "Thing {thing}: {title}",
        "Thing {thing} : {title}",
        "Thing {thing}: {title}",
        "Thing {thing}: {title}",
    ],
    OutlinePartOf "outline-part-of" full [
        "Part of {programme}.",
        "Dans le cadre de {programme}.",
        "Ein Beitrag zu {programme}.",
        "Forma parte de {programme}.",
    ],
    Note "note" full [
        "Your notes (kept only in this browser)",
        "Vos notes (gardées dans ce navigateur seulement)",
        "Ihre Notizen (nur in diesem Browser gespeichert)",
        "Sus notas (solo se guardan en este navegador)",
    ],
    NotesRestored "notes-restored" full [
        "{notes} {notes|note|notes} restored.",
        "{notes} {notes|note rétablie|notes rétablies}.",
        "{notes} {notes|Notiz|Notizen} wiederhergestellt.",
        "{notes} {notes|nota restaurada|notas restauradas}.",
    ],
    UntickedSince "unticked-since" full [
        "{kept} {kept|question|questions} unticked here after the backup was made {kept|stays|stay} unticked.",
        "{kept} {kept|question décochée|questions décochées} ici après la sauvegarde {kept|reste|restent} sans coche.",
        "{kept} {kept|Frage bleibt|Fragen bleiben} ohne Häkchen: hier nach der Sicherung abgewählt.",
        "{kept} {kept|pregunta desmarcada|preguntas desmarcadas} aquí después de la copia {kept|sigue|siguen} sin marcar.",
    ],
    CodeTicksOnly "code-ticks-only" full [
        "The code carries ticks and post links only; the file keeps your notes too.",
        "Le code ne garde que les coches et les liens vers vos billets ; le fichier garde aussi vos notes.",
        "Der Code enthält nur die Häkchen und die Links zu Ihren Beiträgen; die Datei bewahrt auch Ihre Notizen.",
        "El código solo lleva las marcas y los enlaces a sus entradas; el archivo guarda también sus notas.",
    ],
    AddToCalendar "calendar" full [
        "Add the course to my calendar",
        "Ajouter le cours à mon agenda",
        "Den Kurs in meinen Kalender eintragen",
        "Añadir el curso a mi calendario",
    ],
    // My course record (components/course_record.rs), and its files' words.
    MyRecord "my-record" full [
        "My course record",
        "Mon relevé du cours",
        "Mein Kursnachweis",
        "Mi registro del curso",
    ],
    RecordHeading "record-heading" full [
        "My course record: {course}",
        "Mon relevé du cours : {course}",
        "Mein Kursnachweis: {course}",
        "Mi registro del curso: {course}",
    ],
    RecordBack "record-back" full [
        "Back to the Things",
        "Retour aux Things",
        "Zurück zu den Things",
        "Volver a los Things",
    ],
    RecordPrivate "record-private" full [
        "This record is made here in your browser: nothing in it leaves the browser unless you save or print it.",
        "Ce relevé est établi ici, dans votre navigateur : rien n’en sort tant que vous ne l’enregistrez pas ou ne l’imprimez pas.",
        "Dieser Nachweis entsteht hier in Ihrem Browser: Nichts davon verlässt den Browser, außer Sie speichern oder drucken ihn.",
        "Este registro se crea aquí, en su navegador: nada sale de él a menos que lo guarde o lo imprima.",
    ],
    RecordName "record-name" full [
        "Your name on the record (optional)",
        "Votre nom sur le relevé (facultatif)",
        "Ihr Name auf dem Nachweis (freiwillig)",
        "Su nombre en el registro (opcional)",
    ],
    RecordNameLine "record-name-line" full [
        "Name",
        "Nom",
        "Name",
        "Nombre",
    ],
    RecordPrint "record-print" full [
        "Print",
        "Imprimer",
        "Drucken",
        "Imprimir",
    ],
    RecordMarkdown "record-markdown" full [
        "Download as Markdown",
        "Télécharger en Markdown",
        "Als Markdown herunterladen",
        "Descargar en Markdown",
    ],
    RecordCsv "record-csv" full [
        "Download as CSV",
        "Télécharger en CSV",
        "Als CSV herunterladen",
        "Descargar en CSV",
    ],
    RecordSaved "record-saved" full [
        "Saving {file}.",
        "Enregistrement de {file}.",
        "{file} wird gespeichert.",
        "Guardando {file}.",
    ],
    RecordRefused "record-refused" full [
        "This browser would not save the file.",
        "Ce navigateur n’a pas voulu enregistrer le fichier.",
        "Dieser Browser hat die Datei nicht gespeichert.",
        "Este navegador no quiso guardar el archivo.",
    ],
    RecordColThing "record-col-thing" full [
        "Thing",
        "Thing",
        "Thing",
        "Thing",
    ],
    RecordColTitle "record-col-title" full [
        "Title",
        "Titre",
        "Titel",
        "Título",
    ],
    RecordColAnswered "record-col-answered" full [
        "Answered",
        "Traitées",
        "Beantwortet",
        "Respondidas",
    ],
    RecordColTotal "record-col-total" full [
        "Questions",
        "Questions",
        "Fragen",
        "Preguntas",
    ],
    RecordColState "record-col-state" full [
        "Progress",
        "Avancement",
        "Fortschritt",
        "Progreso",
    ],
    RecordColFinished "record-col-finished" full [
        "Finished",
        "Terminé le",
        "Abgeschlossen am",
        "Terminado el",
    ],
    RecordStateFinished "record-state-finished" full [
        "finished",
        "terminé",
        "abgeschlossen",
        "terminado",
    ],
}

impl Label {
    /// The label an override key names.
    pub fn from_key(key: &str) -> Option<Self> {
        if key.is_empty() {
            return None;
        }
        LABELS.iter().copied().find(|label| label.key() == key)
    }
}

/// A value put into a label: a number (formatted and used for plurals) or text.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    Number(usize),
    Text(&'a str),
}

/// The labels of one widget: a language and what the organiser overrode.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels {
    lang: Lang,
    /// Sorted by label, each label once (a plain list: there are a few at most).
    overrides: Vec<(Label, String)>,
}

/// Something in a placeholder's wording the widget could not use, and what it did instead.
/// For the page's author, in the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelWarning {
    /// `data-lang` names a language the widget does not speak: English is shown.
    UnknownLanguage(String),
    /// `data-label-<key>` is empty: the built-in text stays.
    EmptyLabel(String),
    /// `data-label-<key>` names no label.
    UnknownLabel(String),
}

impl fmt::Display for LabelWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The tags of the core's list, written out (tests/i18n.rs checks them): built from
            // `Lang::ALL`, the message cost the full module 123 B more.
            Self::UnknownLanguage(tag) => write!(
                f,
                "data-lang=\"{tag}\" is not a language the widget speaks: use en, fr, de or es. Showing English."
            ),
            Self::EmptyLabel(key) => write!(
                f,
                "data-label-{key} is empty: write the text to show, or remove the attribute."
            ),
            Self::UnknownLabel(key) => write!(
                f,
                "data-label-{key} is not a label the widget uses: see the README for the list."
            ),
        }
    }
}

impl Labels {
    /// The labels a placeholder asks for: its language (else the page's, else English) with
    /// the organiser's rewordings. What cannot be used is reported, not fatal.
    pub fn for_wording(wording: &Wording) -> (Self, Vec<LabelWarning>) {
        let mut warnings = Vec::new();
        let chosen = wording
            .lang
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty());
        let lang = match chosen {
            Some(tag) => Lang::from_tag(tag).unwrap_or_else(|| {
                warnings.push(LabelWarning::UnknownLanguage(tag.to_owned()));
                Lang::En
            }),
            None => wording
                .page_lang
                .as_deref()
                .and_then(Lang::from_tag)
                .unwrap_or_default(),
        };
        let mut labels = Self::new(lang);
        for (key, text) in &wording.labels {
            match Label::from_key(key) {
                // An empty override would leave a blank button or title: keep the built-in text.
                Some(_) if text.trim().is_empty() => {
                    warnings.push(LabelWarning::EmptyLabel(key.clone()))
                }
                Some(label) => labels.override_label(label, text),
                None => warnings.push(LabelWarning::UnknownLabel(key.clone())),
            }
        }
        (labels, warnings)
    }

    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            overrides: Vec::new(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Uses `text` for `label` instead of the built-in wording.
    pub fn override_label(&mut self, label: Label, text: &str) {
        let at = self
            .overrides
            .iter()
            .position(|(known, _)| *known >= label)
            .unwrap_or(self.overrides.len());
        match self.overrides.get_mut(at) {
            Some((known, old)) if *known == label => text.clone_into(old),
            _ => self.overrides.insert(at, (label, text.to_owned())),
        }
    }

    /// The label with its values filled in.
    pub fn format(&self, label: Label, args: &[(&str, Arg<'_>)]) -> String {
        let mut out = String::new();
        self.format_onto(&mut out, label, args);
        out
    }

    /// Adds the label with its values filled in to `out`.
    pub fn format_onto(&self, out: &mut String, label: Label, args: &[(&str, Arg<'_>)]) {
        let template = self
            .overrides
            .iter()
            .find(|(known, _)| *known == label)
            .map_or_else(|| label.text(self.lang), |(_, text)| text.as_str());
        fill(out, template, self.lang, args);
    }

    /// A label that takes no values.
    pub fn text(&self, label: Label) -> String {
        self.format(label, &[])
    }

    pub fn date(&self, date: CivilDate) -> String {
        self.lang.date(date)
    }

    pub fn short_date(&self, date: CivilDate) -> String {
        self.lang.short_date(date)
    }
}

/// Fills `{name}` and `{name|one|other}` in `template`; unknown names are left as written.
fn fill(out: &mut String, template: &str, lang: Lang, args: &[(&str, Arg<'_>)]) {
    out.reserve(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = after.find('}') else {
            out.push_str(after);
            return;
        };
        let inside = after.get(1..close).unwrap_or("");
        let mut parts = inside.split('|');
        let name = parts.next().unwrap_or("");
        let value = args.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        match (value, parts.next(), parts.next()) {
            (Some(Arg::Number(n)), Some(one), Some(other)) => {
                out.push_str(if lang.is_singular(n) { one } else { other });
            }
            (Some(Arg::Number(n)), None, _) => out.push_str(&lang.number(n)),
            (Some(Arg::Text(text)), None, _) => out.push_str(text),
            _ => out.push_str(after.get(..=close).unwrap_or("")),
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::{Label, LABELS};

    /// The table cuts each label's string at the separator: a key or a text holding one would
    /// shift every later field (a language would show the next one's words).
    #[test]
    fn each_label_has_a_key_and_four_texts() {
        for label in LABELS {
            let fields = (0..6).map(|at| label.field(at)).collect::<Vec<_>>();
            assert_eq!(fields.get(5), Some(&""), "{label:?} has a field too many");
            if crate::view::seam::FULL {
                assert!(fields.iter().take(5).all(|f| !f.is_empty()), "{label:?}");
            }
        }
        assert_eq!(Label::Clear.field(0), "clear");
        assert_eq!(Label::Clear.field(1), "Clear ticks");
        assert_eq!(Label::Clear.field(4), "Borrar las marcas");
    }
}
