/**
 * French strings: the reference language of Atelier. Every other language
 * must provide the same keys (see `Messages` below and en.ts).
 */
export const fr = {
  app: {
    name: 'Atelier',
    tagline: 'Tableau blanc collaboratif pour les ateliers territoriaux',
  },
  language: {
    label: 'Langue',
    fr: 'Français',
    en: 'English',
  },
  roles: {
    facilitator: 'Animateur·rice',
    participant: 'Participant·e',
    observer: 'Observateur·rice',
  },
  templates: {
    enjeux: 'Atelier enjeux',
    chantiers: 'Atelier chantiers',
    vide: 'Tableau vide',
  },
  home: {
    title: 'Créer un atelier',
    intro:
      "Créez un atelier puis partagez les liens : un pour l'animation, un pour les participant·es, un pour les observateur·rices.",
    tokenLabel: 'Jeton administrateur',
    tokenHelp: 'Affiché par le serveur à son premier démarrage (adresse terminant par #token=…).',
    tokenForget: 'Oublier le jeton',
    titleLabel: "Titre de l'atelier",
    titlePlaceholder: 'Ex. : Atelier enjeux — Aisne, mars',
    templateLabel: 'Modèle',
    create: "Créer l'atelier",
    creating: 'Création…',
    created: 'Atelier « {{title}} » créé',
    linksIntro: 'Chaque lien donne un rôle. Ne partagez le lien animateur·rice qu’avec les personnes qui animent.',
    copy: 'Copier',
    copied: 'Copié',
    copyLink: 'Copier le lien {{role}}',
    qrAlt: 'QR code du lien {{role}}',
    open: 'Ouvrir',
    createAnother: 'Créer un autre atelier',
    errors: {
      tokenMissing: 'Indiquez le jeton administrateur.',
      badToken: 'Jeton administrateur invalide',
      titleMissing: "Indiquez un titre pour l'atelier.",
    },
  },
  join: {
    title: "Rejoindre l'atelier",
    intro: 'Indiquez votre nom : il sera visible des autres participant·es pendant l’atelier.',
    nameLabel: 'Nom',
    namePlaceholder: 'Prénom Nom',
    organisationLabel: 'Organisation (facultatif)',
    organisationPlaceholder: 'Ex. : Mairie de Laon',
    collegeLabel: 'Collège (facultatif)',
    collegeNone: '— Choisir un collège —',
    submit: 'Rejoindre',
    submitting: 'Connexion…',
    noKeyTitle: 'Lien requis',
    noKey: "Pour rejoindre cet atelier, ouvrez le lien transmis par l'animateur·rice (il se termine par #k=…).",
    errors: {
      nameMissing: 'Indiquez votre nom.',
      invalidLink: 'Lien invalide ou révoqué',
    },
  },
  workshop: {
    checking: 'Vérification de votre accès…',
    notFound: 'Cet atelier est introuvable.',
  },
  board: {
    loading: 'Chargement du tableau…',
    you: 'Vous : {{name}}',
    readOnlyNotice: 'Lecture seule',
    reload: 'Recharger la page',
    rejoin: 'Rejoindre à nouveau',
    unsavedWarning: 'Des modifications hors ligne ne sont pas encore envoyées.',
    notShared: "Un élément n'a pas pu être partagé (trop volumineux ou invalide).",
  },
  chantier: {
    tool: 'Chantier',
    untitled: 'Chantier sans titre',
    titrePlaceholder: 'Titre du chantier',
    porteur: 'Porteur',
    echeance: 'Échéance',
    partenaires: 'Partenaires',
    enjeuxCount_zero: 'Aucun enjeu lié',
    enjeuxCount_one: '{{count}} enjeu lié',
    enjeuxCount_other: '{{count}} enjeux liés',
    panel: {
      title: 'Chantier',
      readOnly: 'Lecture seule',
      close: 'Fermer le panneau',
      titre: 'Titre',
      description: 'Description',
      porteur: 'Porteur (organisation)',
      porteurPlaceholder: 'Ex. : Conseil départemental',
      partenaires: 'Partenaires (un par ligne)',
      partenairesHelp: '{{max}} partenaires au plus.',
      echeance: 'Échéance',
      echeancePlaceholder: 'Ex. : 2026-06 ou fin 2026',
      enjeux: 'Enjeux liés',
      enjeuxHelp: 'Cochez les enjeux (cadres du tableau) auxquels ce chantier répond.',
      noEnjeux: 'Aucun cadre (enjeu) sur le tableau pour l’instant.',
      untitledEnjeu: 'Enjeu sans titre',
      enjeuxMax: '{{max}} enjeux au plus.',
    },
  },
  facilitation: {
    phases: 'Phases de l’atelier',
    phase: {
      ecriture: 'Écriture',
      regroupement: 'Regroupement',
      chantiers: 'Chantiers',
      vote: 'Vote',
      resultats: 'Résultats',
    },
    timer: {
      label: 'Temps restant : {{time}}',
      over: 'Temps écoulé',
    },
  },
  connection: {
    connected: 'Connecté',
    connecting: 'Reconnexion…',
    firstConnecting: 'Connexion…',
    offline: 'Hors ligne — vos modifications sont conservées',
    refused: 'Connexion refusée',
    tooBig: 'Une modification est trop volumineuse pour être envoyée.',
    fatal: {
      readOnly:
        'Le serveur a refusé une modification : vous êtes en lecture seule sur ce tableau. Rechargez la page pour continuer à suivre l’atelier.',
      sessionRevoked:
        "Votre accès a été révoqué. Demandez un nouveau lien à l'animateur·rice pour rejoindre l'atelier.",
      invalidMessage:
        'Le serveur a refusé une modification invalide. Rechargez la page ; si le problème persiste, prévenez l’animateur·rice.',
      sessionExpired: 'Votre session a expiré. Rejoignez à nouveau l’atelier avec votre lien.',
      rateLimited: 'Trop de messages envoyés en peu de temps : la connexion a été coupée. Rechargez la page.',
    },
  },
  errors: {
    network: 'Serveur injoignable. Vérifiez votre connexion puis réessayez.',
    rateLimited: 'Trop de tentatives. Réessayez dans un instant.',
    invalidBody: 'Certains champs sont invalides.',
    generic: 'Une erreur est survenue ({{status}}).',
  },
  notFound: {
    title: 'Page introuvable',
    back: "Retour à l'accueil",
  },
} as const

/** The shape every translation must have: same keys, any strings. */
export type Messages = DeepStrings<typeof fr>
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> }
