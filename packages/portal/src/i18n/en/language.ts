export const language = { label: 'Language', en: 'English', ko: '한국어' };
