/**
 * Canonical JSON: one text per JSON value, so that equal values give equal
 * bytes and equal hashes (a snapshot's `sha256`, a roadmap version's).
 *
 * - object keys sorted by Unicode code point, recursively (not by UTF-16 code
 *   unit, JavaScript's default sort: the two differ for characters outside the
 *   Basic Multilingual Plane);
 * - no whitespace; arrays keep their order;
 * - strings and numbers written as `JSON.stringify` writes them (shortest
 *   round-trip numbers, `-0` as `0`);
 * - only JSON values: `undefined`, functions, symbols, bigints, non-finite
 *   numbers, holes in arrays, cycles and objects other than plain ones (a
 *   `Date`, a `Map`) throw — silently dropping or converting them would make
 *   two different values hash alike.
 */
export function canonicalJson(value: unknown): string {
  return write(value, [], new Set())
}

function write(value: unknown, path: string[], open: Set<object>): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'string':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw notJson(path, String(value))
      return JSON.stringify(value)
    case 'object':
      break
    default:
      throw notJson(path, typeof value)
  }
  const object = value as object
  if (open.has(object)) throw notJson(path, 'a cycle')
  open.add(object)
  try {
    if (Array.isArray(object)) {
      const items: string[] = []
      for (let i = 0; i < object.length; i++) {
        if (!(i in object)) throw notJson([...path, String(i)], 'a hole')
        items.push(write(object[i], [...path, String(i)], open))
      }
      return `[${items.join(',')}]`
    }
    const proto = Object.getPrototypeOf(object)
    if (proto !== Object.prototype && proto !== null)
      throw notJson(path, `a ${proto?.constructor?.name ?? 'non-plain'} object`)
    const record = object as Record<string, unknown>
    const members = Object.keys(record)
      .sort(byCodePoint)
      .map((key) => `${JSON.stringify(key)}:${write(record[key], [...path, key], open)}`)
    return `{${members.join(',')}}`
  } finally {
    open.delete(object)
  }
}

/** Orders strings by Unicode code point. */
export function byCodePoint(a: string, b: string): number {
  const ia = a[Symbol.iterator]()
  const ib = b[Symbol.iterator]()
  for (;;) {
    const ca = ia.next()
    const cb = ib.next()
    if (ca.done || cb.done) return ca.done ? (cb.done ? 0 : -1) : 1
    const d = (ca.value.codePointAt(0) as number) - (cb.value.codePointAt(0) as number)
    if (d !== 0) return d
  }
}

function notJson(path: string[], what: string): TypeError {
  return new TypeError(`canonicalJson: ${what} at ${path.length ? path.join('.') : '(root)'} is not a JSON value`)
}
