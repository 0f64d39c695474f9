/** Labels of the administration screens. */
export const en = {
  resources: {
    users: {
      name: 'User |||| Users',
      fields: { name: 'Name', email: 'E-mail', password: 'Initial password', roles: 'Roles', role: 'Role', active: 'Active', lastLoginAt: 'Last sign-in', createdAt: 'Created', q: 'Search' },
    },
    roles: { name: 'Role and permissions |||| Roles and permissions', fields: { id: 'Role', label: 'Name', description: 'Description', module: 'Module' } },
    'audit-logs': {
      name: 'Audit trail |||| Audit trail',
      fields: { at: 'When', at_gte: 'From', at_lte: 'Until', userEmail: 'Who', action: 'Action', resource: 'Resource', recordId: 'Record', ip: 'IP address', before: 'Before', after: 'After', q: 'Search' },
    },
  },
  his: {
    users: {
      deactivate: 'Deactivate',
      activate: 'Reactivate',
      deactivated: 'Account deactivated; its sessions have ended',
      activated: 'Account reactivated',
      deactivate_title: 'Deactivate %{name}?',
      deactivate_confirm: '%{email} will be signed out everywhere and will not be able to sign in until reactivated.',
      activate_title: 'Reactivate %{name}?',
      activate_confirm: '%{email} will be able to sign in again.',
      is_deactivated: 'This account is deactivated: it cannot sign in.',
      reset_password: 'Reset password',
      reset_password_title: 'New password for %{name}',
      new_password: 'New password',
      password_hint: 'Tell the user in person; their open sessions end now.',
      password_reset: 'Password changed; the account was signed out everywhere',
    },
    roles: { resource: 'Resource' },
  },
};

export const fr: typeof en = {
  resources: {
    users: {
      name: 'Utilisateur |||| Utilisateurs',
      fields: { name: 'Nom', email: 'E-mail', password: 'Mot de passe initial', roles: 'Rôles', role: 'Rôle', active: 'Actif', lastLoginAt: 'Dernière connexion', createdAt: 'Créé le', q: 'Rechercher' },
    },
    roles: { name: 'Rôle et permissions |||| Rôles et permissions', fields: { id: 'Rôle', label: 'Nom', description: 'Description', module: 'Module' } },
    'audit-logs': {
      name: "Journal d'audit |||| Journal d'audit",
      fields: { at: 'Quand', at_gte: 'Depuis', at_lte: "Jusqu'à", userEmail: 'Qui', action: 'Action', resource: 'Ressource', recordId: 'Enregistrement', ip: 'Adresse IP', before: 'Avant', after: 'Après', q: 'Rechercher' },
    },
  },
  his: {
    users: {
      deactivate: 'Désactiver',
      activate: 'Réactiver',
      deactivated: 'Compte désactivé ; ses sessions sont terminées',
      activated: 'Compte réactivé',
      deactivate_title: 'Désactiver %{name} ?',
      deactivate_confirm: "%{email} sera déconnecté partout et ne pourra plus se connecter jusqu'à sa réactivation.",
      activate_title: 'Réactiver %{name} ?',
      activate_confirm: '%{email} pourra de nouveau se connecter.',
      is_deactivated: 'Ce compte est désactivé : il ne peut pas se connecter.',
      reset_password: 'Réinitialiser le mot de passe',
      reset_password_title: 'Nouveau mot de passe pour %{name}',
      new_password: 'Nouveau mot de passe',
      password_hint: "Communiquez-le à l'utilisateur en personne ; ses sessions ouvertes se terminent maintenant.",
      password_reset: 'Mot de passe changé ; le compte a été déconnecté partout',
    },
    roles: { resource: 'Ressource' },
  },
};
