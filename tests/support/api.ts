/**
 * Thin HTTP helpers over the public API, for tests.
 */
import type { CreateWorkshopResponse, JoinResponse, Template } from '../../shared/api'
import type { CollegeId } from '../../shared/colleges'
import type { Role } from '../../shared/roles'

export async function createWorkshop(
  base: string,
  adminToken: string,
  title = 'Atelier de test',
  template: Template = 'vide',
): Promise<CreateWorkshopResponse> {
  const res = await fetch(`${base}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ title, template }),
  })
  if (res.status !== 201) throw new Error(`create workshop: ${res.status} ${await res.text()}`)
  return (await res.json()) as CreateWorkshopResponse
}

export function keyOf(link: string): string {
  const k = new URL(link).hash.match(/k=([^&]+)/)?.[1]
  if (!k) throw new Error(`no key in ${link}`)
  return k
}

export async function join(
  base: string,
  workshop: CreateWorkshopResponse,
  role: Role,
  name: string,
  extra: { organisation?: string; college?: CollegeId } = {},
): Promise<JoinResponse> {
  const res = await fetch(`${base}/api/workshops/${workshop.id}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: keyOf(workshop.links[role]), name, ...extra }),
  })
  if (res.status !== 200) throw new Error(`join: ${res.status} ${await res.text()}`)
  return (await res.json()) as JoinResponse
}
