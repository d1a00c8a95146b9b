/** English strings. Typed by the French reference so a missing key fails the build. */
import type { Messages } from './fr'

export const en: Messages = {
  app: {
    name: 'Atelier',
    tagline: 'Collaborative whiteboard for territorial workshops',
  },
  language: {
    label: 'Language',
    fr: 'Français',
    en: 'English',
  },
  roles: {
    facilitator: 'Facilitator',
    participant: 'Participant',
    observer: 'Observer',
  },
  templates: {
    enjeux: 'Issues workshop',
    chantiers: 'Work streams workshop',
    vide: 'Blank board',
  },
  home: {
    title: 'Create a workshop',
    intro: 'Create a workshop, then share the links: one for facilitation, one for participants, one for observers.',
    tokenLabel: 'Admin token',
    tokenHelp: 'Printed by the server at first start (address ending in #token=…).',
    tokenForget: 'Forget the token',
    titleLabel: 'Workshop title',
    titlePlaceholder: 'e.g. Issues workshop — Aisne, March',
    templateLabel: 'Template',
    create: 'Create the workshop',
    creating: 'Creating…',
    created: 'Workshop “{{title}}” created',
    linksIntro: 'Each link grants a role. Only share the facilitator link with the people running the workshop.',
    copy: 'Copy',
    copied: 'Copied',
    copyLink: 'Copy the {{role}} link',
    qrAlt: 'QR code of the {{role}} link',
    open: 'Open',
    createAnother: 'Create another workshop',
    errors: {
      tokenMissing: 'Enter the admin token.',
      badToken: 'Invalid admin token',
      titleMissing: 'Enter a title for the workshop.',
    },
  },
  join: {
    title: 'Join the workshop',
    intro: 'Enter your name: other participants will see it during the workshop.',
    nameLabel: 'Name',
    namePlaceholder: 'First and last name',
    organisationLabel: 'Organisation (optional)',
    organisationPlaceholder: 'e.g. Town of Laon',
    collegeLabel: 'College (optional)',
    collegeNone: '— Choose a college —',
    submit: 'Join',
    submitting: 'Joining…',
    noKeyTitle: 'Link required',
    noKey: 'To join this workshop, open the link sent by the facilitator (it ends with #k=…).',
    errors: {
      nameMissing: 'Enter your name.',
      invalidLink: 'Invalid or revoked link',
    },
  },
  workshop: {
    checking: 'Checking your access…',
    notFound: 'This workshop does not exist.',
  },
  board: {
    loading: 'Loading the board…',
    you: 'You: {{name}}',
    readOnlyNotice: 'Read-only',
    reload: 'Reload the page',
    rejoin: 'Join again',
    unsavedWarning: 'Some offline changes have not been sent yet.',
    notShared: 'An item could not be shared (too large or invalid).',
  },
  connection: {
    connected: 'Connected',
    connecting: 'Reconnecting…',
    firstConnecting: 'Connecting…',
    offline: 'Offline — your changes are kept',
    refused: 'Connection refused',
    tooBig: 'A change is too large to be sent.',
    fatal: {
      readOnly:
        'The server refused a change: you are read-only on this board. Reload the page to keep following the workshop.',
      sessionRevoked: 'Your access was revoked. Ask the facilitator for a new link to join the workshop.',
      invalidMessage:
        'The server refused an invalid change. Reload the page; if it happens again, tell the facilitator.',
      sessionExpired: 'Your session has expired. Join the workshop again with your link.',
      rateLimited: 'Too many messages in a short time: the connection was closed. Reload the page.',
    },
  },
  errors: {
    network: 'Server unreachable. Check your connection and try again.',
    rateLimited: 'Too many attempts. Try again in a moment.',
    invalidBody: 'Some fields are invalid.',
    generic: 'Something went wrong ({{status}}).',
  },
  notFound: {
    title: 'Page not found',
    back: 'Back to the home page',
  },
}
