/**
 * The "collèges" of a Conseil Départemental du Numérique: the families of
 * organisations around the table. Votes and participation are reported by collège.
 */
export const COLLEGES = [
  { id: 'etat', fr: 'État / Préfecture', en: 'State / Prefecture' },
  { id: 'departement', fr: 'Conseil départemental', en: 'Departmental council' },
  { id: 'region', fr: 'Région', en: 'Region' },
  { id: 'epci-communes', fr: 'EPCI et communes', en: 'Inter-municipalities and municipalities' },
  { id: 'associations', fr: 'Associations', en: 'Associations' },
  { id: 'france-services', fr: 'France Services', en: 'France Services' },
  { id: 'conseillers-numeriques', fr: 'Conseillers numériques', en: 'Digital advisers' },
  { id: 'entreprises', fr: 'Entreprises', en: 'Businesses' },
  { id: 'autre', fr: 'Autre', en: 'Other' },
] as const

export type CollegeId = (typeof COLLEGES)[number]['id']
export const COLLEGE_IDS = COLLEGES.map((c) => c.id) as [CollegeId, ...CollegeId[]]

/** The collège's name in the UI language (French unless English); an unknown id as is. */
export function collegeLabel(id: string, language: string): string {
  const college = COLLEGES.find((c) => c.id === id)
  if (!college) return id
  return language.startsWith('en') ? college.en : college.fr
}
