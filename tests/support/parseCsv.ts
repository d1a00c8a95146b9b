/**
 * A small RFC 4180 reader for the export tests, independent of the writer:
 * `;` between fields, CRLF between records, quoted fields with `""` for `"`.
 * Throws on anything else (a stray quote, a bare CR or LF outside quotes), so
 * a malformed file fails the test rather than parsing into something plausible.
 */
export function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  const field = (): string => {
    if (text[i] === '"') {
      let value = ''
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"'
            i += 2
            continue
          }
          i++
          return value
        }
        value += text[i++]
      }
    }
    const start = i
    while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
      if (text[i] === '"') throw new Error(`stray quote at ${i}`)
      i++
    }
    return text.slice(start, i)
  }
  while (i < text.length) {
    row.push(field())
    if (text[i] === separator) {
      i++
      continue
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row)
      row = []
      i += 2
      continue
    }
    throw new Error(`expected "${separator}" or CRLF at ${i}, got ${JSON.stringify(text.slice(i, i + 10))}`)
  }
  if (row.length > 0) throw new Error('last record not ended by CRLF')
  return rows
}
