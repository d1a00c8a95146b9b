/**
 * Hostile user texts for the export tests: what a participant could type into
 * a note, an enjeu's name, a chantier's fields or an organisation's name to
 * turn an export into markup, a link, a script or a spreadsheet formula.
 * Each must come out of every export as the very text it was.
 */

/** Markup and links. Payloads that would run set `window.__xss` (a tripwire) or open a dialog. */
export const XSS_CORPUS = [
  '<img src=x onerror=alert(1)>',
  '<img src=x onerror="window.__xss=1">',
  '<script>alert(1)</script>',
  '<script>window.__xss=1</script>',
  '"><svg onload=alert(1)>',
  "'><svg/onload=window.__xss=1>",
  '<a href="javascript:alert(1)">clic</a>',
  'javascript:alert(1)',
  ']]><script>window.__xss=1</script>',
  '[clic](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '<!-- commentaire --><b>gras</b>',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '</title></style></textarea><script>window.__xss=1</script>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<details open ontoggle="window.__xss=1">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="http://evil.example/">',
  '<style>body{display:none}</style>',
  '*gras* _souligné_ `code` # titre | tableau | ~~barré~~',
  '1. pas une liste',
  '- pas une liste non plus',
]

/** Spreadsheet formulas, separators, quotes, line breaks and French typography. */
export const CSV_CORPUS = [
  '=1+1',
  '+33 6 12 34 56 78',
  '-2',
  '@SUM(A1)',
  '\tx',
  '\rx',
  '=HYPERLINK("http://evil.example","clic")',
  'Texte avec "guillemets" ; et point-virgule, et virgule',
  'Évaluer l’accès « numérique » — été, Noël, œuvre',
  'ligne 1\nligne 2',
]

/** A cell as a spreadsheet must receive it: formulas (on the raw first character) behind a `'`. */
export function csvSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}
