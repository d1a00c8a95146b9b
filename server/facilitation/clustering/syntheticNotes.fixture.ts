import type { NoteText } from './suggestClusters'

/**
 * Many plausible French notes for timing: theme words, generic words and framing mixed at
 * random from a seeded generator (mulberry32), so every run times the same board. An id starts
 * with the letter of the note's main theme (one in five notes also borrows a word elsewhere).
 */
export function syntheticNotes(count: number, seed = 42): NoteText[] {
  const random = mulberry32(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const notes: NoteText[] = []
  for (let i = 0; i < count; i++) {
    const themeIndex = Math.floor(random() * THEMES.length)
    const theme = THEMES[themeIndex]!
    const words = [pick(FRAMES), pick(theme), pick(theme), pick(FILLERS), pick(PLACES)]
    if (random() < 0.5) words.push(pick(theme))
    if (random() < 0.2) words.push(pick(pick(THEMES)))
    notes.push({ id: `${THEME_LETTERS[themeIndex]}${i}`, text: words.join(' ') })
  }
  return notes
}

const THEME_LETTERS = 'cmedfst'
const FRAMES = [
  'Manque de',
  'Besoin de',
  'Pas assez de',
  'Développer',
  'Renforcer',
  'Problème de',
  'Il faut',
  'Trop peu de',
]
const THEMES: readonly (readonly string[])[] = [
  ['fibre optique', 'débit', 'réseau mobile', 'couverture 4G', 'zones blanches', 'antennes', 'connexion', 'internet'],
  ['médiateurs', 'aidants', 'accompagnement', 'médiation', 'conseillers numériques', 'permanences', 'personnes âgées'],
  [
    'ordinateurs',
    'tablettes',
    'matériel reconditionné',
    'équipement',
    'smartphones',
    'imprimantes',
    'logiciels libres',
  ],
  ['démarches en ligne', 'dématérialisation', 'formulaires', 'accès aux droits', 'administration', 'impôts', 'CAF'],
  ['formation', 'ateliers', 'initiation', 'compétences', 'apprendre', 'formateurs', 'sensibilisation'],
  ['cybersécurité', 'arnaques', 'piratage', 'données personnelles', 'mots de passe', 'hameçonnage'],
  ['tiers-lieux', 'fablab', 'espace public numérique', 'coworking', 'bibliothèque', 'médiathèque'],
]
const FILLERS = [
  'pour les familles',
  'en mairie',
  'pour les jeunes',
  'au collège',
  'pour les seniors',
  'partout',
  'vite',
]
const PLACES = ['à Laon', 'à Soissons', 'en Thiérache', 'à Saint-Quentin', 'dans les villages', 'à Vervins', 'à Chauny']

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
