export const LOCALE_NAMES = [
  { locale: 'en', name: 'English' },
  { locale: 'fr', name: 'Français' },
];
