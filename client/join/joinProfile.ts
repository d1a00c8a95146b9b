/**
 * What a person typed when joining (name, organisation, collège), remembered on
 * this device to prefill the next workshop's join form. Kept locally only; the
 * server gets it when the person actually joins.
 */
import { COLLEGE_IDS, type CollegeId } from '../../shared/colleges'

export interface JoinProfile {
  name: string
  organisation: string
  college: CollegeId | ''
}

const STORAGE_KEY = 'atelier.joinProfile'
const EMPTY: JoinProfile = { name: '', organisation: '', college: '' }

function isCollegeId(value: unknown): value is CollegeId {
  return typeof value === 'string' && (COLLEGE_IDS as readonly string[]).includes(value)
}

export function loadJoinProfile(): JoinProfile {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')
    if (typeof raw !== 'object' || raw === null) return EMPTY
    const { name, organisation, college } = raw as Record<string, unknown>
    return {
      name: typeof name === 'string' ? name : '',
      organisation: typeof organisation === 'string' ? organisation : '',
      college: isCollegeId(college) ? college : '',
    }
  } catch {
    return EMPTY
  }
}

export function saveJoinProfile(profile: JoinProfile): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(profile))
  } catch {
    // Not remembered: the form is simply empty next time.
  }
}

/** The person erased their name from a workshop: this device forgets it as well. */
export function forgetJoinProfile(): void {
  try {
    localStorage.removeItem(STORAGE_KEY)
  } catch {
    // Storage disabled: nothing was remembered.
  }
}
