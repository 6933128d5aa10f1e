import type { Level } from '../model.js';

export interface LessonSeed {
  title: string;
  composer: string;
  genre: string;
  level: Level;
  key: string;
  /** Quarter-note beats per measure (the time signature is this over 4). */
  beatsPerMeasure: number;
  tempo: number;
  /** See `parseMelody` for the notation. */
  melody: string;
  /** What the piece is, in a sentence or two. */
  about: string;
  /** The one thing this lesson teaches. */
  focus: string;
}

/** The seed library: public-domain tunes and exercises, each with its melody. */
export const LESSONS: readonly LessonSeed[] = [
  {
    title: 'Ode to Joy', composer: 'Ludwig van Beethoven', genre: 'Classical', level: 'Beginner', key: 'C major', beatsPerMeasure: 4, tempo: 96,
    melody: 'E4q E4q F4q G4q G4q F4q E4q D4q C4q C4q D4q E4q E4q. D4e D4h',
    about: 'The theme from the last movement of the Ninth Symphony moves almost entirely by step, which makes it the classic first tune for any instrument.',
    focus: 'even quarter notes and the dotted rhythm at the end of the phrase',
  },
  {
    title: 'Twinkle, Twinkle, Little Star', composer: 'Traditional', genre: "Children's songs", level: 'Beginner', key: 'C major', beatsPerMeasure: 4, tempo: 90,
    melody: 'C4q C4q G4q G4q A4q A4q G4h F4q F4q E4q E4q D4q D4q C4h',
    about: 'A French melody of the eighteenth century (Mozart wrote twelve variations on it) with the words of an English poem.',
    focus: 'the leap of a fifth from C to G, and holding the half notes for their full length',
  },
  {
    title: 'Frère Jacques', composer: 'Traditional', genre: 'Folk', level: 'Beginner', key: 'C major', beatsPerMeasure: 4, tempo: 100,
    melody: 'C4q D4q E4q C4q C4q D4q E4q C4q E4q F4q G4h E4q F4q G4h',
    about: 'A French round: once you can play it steadily, a friend can start two bars after you and the parts fit together.',
    focus: 'keeping a steady pulse, so the round holds together',
  },
  {
    title: 'Mary Had a Little Lamb', composer: 'Lowell Mason (attr.)', genre: "Children's songs", level: 'Beginner', key: 'C major', beatsPerMeasure: 4, tempo: 100,
    melody: 'E4q D4q C4q D4q E4q E4q E4h D4q D4q D4h E4q G4q G4h',
    about: 'An American nursery song from the 1830s that uses only four notes.',
    focus: 'repeated notes played cleanly, each one started fresh',
  },
  {
    title: 'Au clair de la lune', composer: 'Traditional', genre: 'Folk', level: 'Beginner', key: 'C major', beatsPerMeasure: 4, tempo: 84,
    melody: 'C4q C4q C4q D4q E4h D4h C4q E4q D4q D4q C4w',
    about: 'A French folk song first printed in the eighteenth century; the first phrase comes back twice, so it is learned quickly.',
    focus: 'counting the whole note at the end: four full beats',
  },
  {
    title: 'London Bridge', composer: 'Traditional', genre: "Children's songs", level: 'Beginner', key: 'C major', beatsPerMeasure: 4, tempo: 104,
    melody: 'G4q. A4e G4q F4q E4q F4q G4h D4q E4q F4h E4q F4q G4h',
    about: 'An English singing game; its falling opening figure is a good first taste of the dotted quarter.',
    focus: 'the dotted quarter followed by an eighth: long, short',
  },
  {
    title: 'Row, Row, Row Your Boat', composer: 'Traditional', genre: "Children's songs", level: 'Beginner', key: 'C major', beatsPerMeasure: 4, tempo: 92,
    melody: 'C4q C4q C4q. D4e E4h E4q. D4e E4q. F4e G4h C5e C5e G4e G4e E4e E4e C4e C4e G4q. F4e E4q. D4e C4w',
    about: 'Another round, first published in 1852. The run of eighth notes in the middle is the fun part.',
    focus: 'switching between dotted rhythms and straight eighth notes',
  },
  {
    title: 'Amazing Grace', composer: 'John Newton (words), traditional tune', genre: 'Hymn', level: 'Beginner', key: 'G major', beatsPerMeasure: 3, tempo: 72,
    melody: 'D4q G4h B4e G4e B4h A4q G4h E4q D4h D4q G4h B4e G4e B4h A4q D5h D5h.',
    about: 'The hymn tune "New Britain" with words written in 1772. Slow, in three, and full of long notes to shape.',
    focus: 'playing in three: a strong first beat, two lighter ones',
  },
  {
    title: 'Scarborough Fair', composer: 'Traditional', genre: 'Folk', level: 'Intermediate', key: 'D dorian', beatsPerMeasure: 3, tempo: 80,
    melody: 'D4h D4q A4h A4q E4q. F4e E4q D4h. Rq A4q C5q D5h C5q A4q B4q G4q A4h.',
    about: 'An English ballad in the dorian mode: the raised sixth (B natural in D minor) gives it its colour.',
    focus: 'the modal sound of the B natural, and the rest before the second phrase',
  },
  {
    title: 'Greensleeves', composer: 'Traditional', genre: 'Folk', level: 'Intermediate', key: 'A minor', beatsPerMeasure: 3, tempo: 88,
    melody: 'A4q C5h D5q. E5e D5q C5h A4q F#4q. G4e A4q B4h G4q E4q. F#4e G4q A4h.',
    about: 'An English tune of the sixteenth century, long (and wrongly) credited to Henry VIII.',
    focus: 'the lilting long-short pattern and the F sharp leading to G',
  },
  {
    title: 'When the Saints Go Marching In', composer: 'Traditional', genre: 'Jazz & gospel', level: 'Beginner', key: 'C major', beatsPerMeasure: 4, tempo: 112,
    melody: 'Rq C4q E4q F4q G4w Rq C4q E4q F4q G4w Rq C4q E4q F4q G4h E4h C4h E4h D4w',
    about: 'A spiritual that became a New Orleans jazz standard. Each phrase starts after a rest, on the second beat.',
    focus: 'starting after the rest: count "one" silently, play on "two"',
  },
  {
    title: 'Oh! Susanna', composer: 'Stephen Foster', genre: 'Folk', level: 'Beginner', key: 'C major', beatsPerMeasure: 4, tempo: 116,
    melody: 'C4e D4e E4q G4q G4q A4q G4q E4q C4q D4q. E4e E4q D4q C4q D4h.',
    about: 'Written in 1848 and sung all the way to the California gold rush.',
    focus: 'a light, bouncy touch on the quick pick-up notes',
  },
  {
    title: 'Shenandoah', composer: 'Traditional', genre: 'Folk', level: 'Intermediate', key: 'F major', beatsPerMeasure: 4, tempo: 66,
    melody: 'C4q F4q F4q. F4e F4h G4q A4q Bb4q D5q C5h F5q E5q D5h C5h. D5q C5q A4q C5h A4q G4q F4h F4w',
    about: 'An American river song of the nineteenth century with a wide, slow melody that climbs an octave.',
    focus: 'a singing legato line over large intervals',
  },
  {
    title: 'Simple Gifts', composer: 'Joseph Brackett', genre: 'Folk', level: 'Beginner', key: 'F major', beatsPerMeasure: 4, tempo: 96,
    melody: 'C4q C4q F4q F4e G4e A4q F4e A4e C5q C5e Bb4e A4q G4e F4e G4q G4q G4h Rh',
    about: 'A Shaker dance song from 1848, later used by Aaron Copland in Appalachian Spring.',
    focus: 'the B flat: the one black key in F major',
  },
  {
    title: 'Home on the Range', composer: 'Daniel E. Kelley', genre: 'Folk', level: 'Beginner', key: 'F major', beatsPerMeasure: 3, tempo: 96,
    melody: 'C4q C4q F4q G4q A4h F4q E4q D4q Bb4h Bb4q Bb4q A4q Bb4q C5h. F4h.',
    about: 'A cowboy waltz from the 1870s, now the state song of Kansas.',
    focus: 'a gentle waltz feel and the reach up to B flat',
  },
  {
    title: "Brahms' Lullaby", composer: 'Johannes Brahms', genre: 'Classical', level: 'Beginner', key: 'C major', beatsPerMeasure: 3, tempo: 69,
    melody: 'E4e E4e G4h E4e E4e G4h E4e G4e C5q B4q A4q A4q G4q D4e E4e F4q D4q D4e E4e F4h D4e F4e B4e A4e G4q B4q C5h',
    about: '"Wiegenlied", Op. 49 No. 4, written in 1868 for a friend\'s newborn son.',
    focus: 'playing softly and evenly: the dynamic is pianissimo',
  },
  {
    title: 'Minuet in G', composer: 'Christian Petzold', genre: 'Baroque', level: 'Intermediate', key: 'G major', beatsPerMeasure: 3, tempo: 108,
    melody: 'D5q G4e A4e B4e C5e D5q G4q G4q E5q C5e D5e E5e F#5e G5q G4q G4q C5q D5e C5e B4e A4e B4q C5e B4e A4e G4e F#4q G4e A4e B4e G4e A4h.',
    about: 'From the Notebook for Anna Magdalena Bach (1725), long attributed to J. S. Bach himself.',
    focus: 'even eighth notes and crisp quarter notes, with a slight lift on each',
  },
  {
    title: 'Für Elise', composer: 'Ludwig van Beethoven', genre: 'Classical', level: 'Advanced', key: 'A minor', beatsPerMeasure: 3, tempo: 72,
    melody: 'E5e D#5e E5e D#5e E5e B4e D5e C5e A4q Re C4e E4e A4e B4q Re E4e G#4e B4e C5q Re E4e E5e D#5e E5e D#5e E5e B4e D5e C5e A4h',
    about: 'Bagatelle No. 25 in A minor, found and published forty years after Beethoven wrote it.',
    focus: 'the alternating E and D sharp, kept light and perfectly even',
  },
  {
    title: 'Canon in D', composer: 'Johann Pachelbel', genre: 'Baroque', level: 'Intermediate', key: 'D major', beatsPerMeasure: 4, tempo: 60,
    melody: 'F#5h E5h D5h C#5h B4h A4h B4h C#5h D5q C#5q B4q A4q G4q F#4q G4q E4q',
    about: 'The famous canon over a repeating eight-note bass; this is the first violin\'s entry.',
    focus: 'matching the length of the long notes to the repeating bass line',
  },
  {
    title: 'Eine kleine Nachtmusik', composer: 'Wolfgang Amadeus Mozart', genre: 'Classical', level: 'Advanced', key: 'G major', beatsPerMeasure: 4, tempo: 132,
    melody: 'G5q. Re D5q. Re G5e D5e G5e B5e D6q Rq C6q. Re A5q. Re C6e A5e F#5e A5e D5q Rq',
    about: 'Serenade No. 13, K. 525 (1787). The opening "rocket" figure is all arpeggio.',
    focus: 'reading high ledger lines and keeping the rests exactly in time',
  },
  {
    title: 'Morning Mood', composer: 'Edvard Grieg', genre: 'Romantic', level: 'Advanced', key: 'E major (simplified to C)', beatsPerMeasure: 3, tempo: 60,
    melody: 'G5e E5e D5e C5e D5e E5e G5e E5e D5e C5e D5e E5e D5e E5e G5e E5e G5e A5e E5e A5e G5e E5e D5e C5e',
    about: 'From the Peer Gynt suite (1875): a pentatonic melody that passes between flute and oboe.',
    focus: 'a flowing line of eighth notes with no accents',
  },
  {
    title: 'Largo from the New World Symphony', composer: 'Antonín Dvořák', genre: 'Romantic', level: 'Beginner', key: 'C major (transposed)', beatsPerMeasure: 4, tempo: 52,
    melody: 'E4q. G4e G4h E4q. D4e C4h D4q E4q G4q E4q D4w',
    about: 'The cor anglais solo from the slow movement of Symphony No. 9 (1893).',
    focus: 'very slow, sustained playing: let each note sing its full value',
  },
  {
    title: 'Swing Low, Sweet Chariot', composer: 'Wallace Willis (attr.)', genre: 'Jazz & gospel', level: 'Beginner', key: 'G major', beatsPerMeasure: 4, tempo: 76,
    melody: 'B4h G4q B4q B4h. G4q E4q D4q D4h Rw',
    about: 'An African-American spiritual, first recorded by the Fisk Jubilee Singers in 1909.',
    focus: 'call and response: play the first phrase, then rest and listen',
  },
  {
    title: 'Londonderry Air', composer: 'Traditional', genre: 'Folk', level: 'Intermediate', key: 'C major', beatsPerMeasure: 4, tempo: 63,
    melody: 'C4e D4e E4q. D4e E4q A4q G4q. E4e D4q C4q A3q C4q D4q E4h. Rq',
    about: 'The Irish air best known as "Danny Boy"; its range reaches below middle C.',
    focus: 'the low A on two ledger lines, and a smooth climb back up',
  },
  {
    title: 'Auld Lang Syne', composer: 'Robert Burns (words), traditional tune', genre: 'Folk', level: 'Beginner', key: 'F major', beatsPerMeasure: 4, tempo: 80,
    melody: 'C4q F4q. F4e F4q A4q G4q. F4e G4q A4q F4q. F4e A4q C5q D5h.',
    about: 'The Scottish song sung at midnight on New Year\'s Eve around the world.',
    focus: 'the pick-up note and the dotted rhythm on every strong beat',
  },
  {
    title: 'House of the Rising Sun', composer: 'Traditional', genre: 'Blues', level: 'Intermediate', key: 'A minor', beatsPerMeasure: 3, tempo: 76,
    melody: 'A4e A4e A4e B4e C5e D5e E5q. E5q. D5e C5e A4e B4e A4q A4h.',
    about: 'An American folk ballad, famous in the 1964 arrangement in compound time.',
    focus: 'feeling the beat in two groups of three eighth notes',
  },
  {
    title: '12-Bar Blues Riffs in C', composer: 'Songbook exercise', genre: 'Blues', level: 'Intermediate', key: 'C blues', beatsPerMeasure: 4, tempo: 88,
    melody: 'C4e Eb4e F4e F#4e G4e Bb4e C5q Bb4e G4e F#4e F4e Eb4e C4e Rq C4q Eb4e C4e F4q Rq G4e Bb4e G4e F4e Eb4h',
    about: 'Four bars of riffs built on the blues scale: C, E flat, F, F sharp, G, B flat.',
    focus: 'the "blue notes" E flat and F sharp, played with a relaxed swing',
  },
  {
    title: 'Scales & Arpeggios in C', composer: 'Songbook exercise', genre: 'Technique', level: 'Beginner', key: 'C major', beatsPerMeasure: 4, tempo: 80,
    melody: 'C4e D4e E4e F4e G4e A4e B4e C5e C5e B4e A4e G4e F4e E4e D4e C4e C4q E4q G4q C5q C5q G4q E4q C4q',
    about: 'The C major scale up and down, then its arpeggio: the daily warm-up everything else is built on.',
    focus: 'evenness: keep the tempo < 80 bpm until every note is the same length & volume',
  },
  {
    title: 'Pentatonic Improvisation in A minor', composer: 'Songbook exercise', genre: 'Jazz & gospel', level: 'Advanced', key: 'A minor pentatonic', beatsPerMeasure: 4, tempo: 100,
    melody: 'A4e C5e D5e E5e G5e A5e G5e E5e D5q C5e A4e G4q A4q E5q. D5e C5q A4q A4w',
    about: 'Five notes (A, C, D, E, G) that never clash: a safe playground for a first improvisation.',
    focus: 'playing the written line, then changing one note per bar and keeping the rhythm',
  },
  {
    title: 'Chromatic Warm-up', composer: 'Songbook exercise', genre: 'Technique', level: 'Advanced', key: 'Chromatic', beatsPerMeasure: 4, tempo: 92,
    melody: 'C4e C#4e D4e D#4e E4e F4e F#4e G4e G#4e A4e A#4e B4e C5q Rq C5e B4e Bb4e A4e Ab4e G4e Gb4e F4e E4e Eb4e D4e Db4e C4h',
    about: 'Every semitone from middle C to the C above and back, sharps going up and flats coming down.',
    focus: 'reading accidentals at speed',
  },
];
